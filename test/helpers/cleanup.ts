/** Runs in every test file (vitest setupFiles): remove the temporary folders it made. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './scenario-folder.js';

afterAll(removeTempDirs);

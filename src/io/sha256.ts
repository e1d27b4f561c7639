/**
 * A sha256 hasher, in its own module so that a reader that hashes nothing
 * (`zonal validate`) never loads node:crypto (a few milliseconds). Imported
 * dynamically from a bundled module, not as `import('node:crypto')`: the
 * command line's CommonJS bundle (src/cli/launch.ts) cannot import() a
 * module it does not hold.
 */
import { createHash, type Hash } from 'node:crypto';

export const sha256 = (): Hash => createHash('sha256');

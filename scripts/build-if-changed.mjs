#!/usr/bin/env node
/**
 * `npm test` runs this first, so the command-line tests (which spawn the
 * built bin/zonal.js → dist/) always test the current source. It builds
 * (`npm run build`) unless dist/ was built from exactly these sources: a hash
 * of every file the build reads or runs (src/, web/, the scripts the build command
 * runs (the bundle, the code cache and the HiGHS hints are made by them), bin/, the tsconfig files,
 * package.json and package-lock.json) is recorded in dist/.source-hash by the last step of
 * `npm run build` (`--record`). Content, not file times, decides, so a
 * checkout, an edit or a deleted file all cause a build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stamp = path.join(root, 'dist', '.source-hash');

/**
 * The build's own steps (not the CI and fuzzing scripts beside them): every
 * scripts/*.mjs that `npm run build` runs, read from its command in package.json,
 * so a step added there is hashed without being listed here too.
 */
function buildScripts() {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const steps = String(scripts?.build ?? '').match(/\bscripts\/[\w.-]+\.mjs\b/g) ?? [];
  if (!steps.includes('scripts/build-if-changed.mjs'))
    throw new Error(
      'build-if-changed: package.json "build" no longer runs scripts/build-if-changed.mjs --record',
    );
  return [...new Set(steps)];
}

const inputs = [
  'src',
  'web',
  ...buildScripts(),
  'bin',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.web.json',
  'package.json',
  'package-lock.json',
];

function files(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(relative, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files))
  hash
    .update(`${file}\0`)
    .update(readFileSync(path.join(root, file)))
    .update('\0');
const current = hash.digest('hex');
const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';

if (process.argv.includes('--record')) {
  // The last step of `npm run build`: these sources are what dist/ was built from.
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${current}\n`);
} else if (built === current) {
  console.log('dist/ is built from the current source: no build needed');
} else {
  console.log('building dist/ from the current source (npm run build)');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  } catch {
    console.error('the build failed (above): the tests were not run');
    process.exit(1);
  }
}

#!/usr/bin/env node
/**
 * Fuzz the built command line with mutated scenarios (issue 10). Not part of
 * `npm test`: it runs for minutes and reports what it found.
 *
 *   npm run build && node scripts/fuzz.mjs [--minutes 10] [--jobs 2] [--seed 1] [--keep DIR]
 *
 * Each run copies a bundled scenario, mutates it (hostile cells, broken JSON
 * values, cut or repeated lines, links, pipes, folders where files should
 * be), runs validate, solve or score on it, and checks:
 *   - the exit code is 0, 2 or 3; 1 only with a clear message (no "unexpected
 *     error", no stack trace); no hang (a run over 120 s is a failure);
 *   - nothing is written on exit 2; on exit 3 (no award possible) result.json says
 *     infeasible with a diagnosis, and no allocations.csv is there;
 *   - on success every output file is there, and none holds Infinity or NaN;
 *   - nothing printed holds a raw control character.
 * One run in ten instead kills a solve at a random moment while it replaces
 * an earlier set of outputs, and checks the folder shows one set, whole.
 * Failing cases are kept under --keep (default fuzz-failures/) with the command.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/zonal.js');
const arg = (flag, fallback) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const minutes = Number(arg('--minutes', '10'));
const jobs = Number(arg('--jobs', '2'));
let seed = Number(arg('--seed', '1')) >>> 0 || 1;
const keep = path.resolve(arg('--keep', 'fuzz-failures'));

/** xorshift32: the same --seed gives the same runs. */
function random() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 2 ** 32;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const hostileCells = [
  '',
  ' ',
  '-1',
  '0',
  '1e308',
  '1e15',
  '-1e308',
  'NaN',
  'Infinity',
  '26,95',
  '2,6,5,0',
  '1,2',
  '1,200',
  '"',
  '""',
  '"a,b"',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  'x\u0000y',
  '9'.repeat(400),
  'ÿþ',
  '£',
  '1.5e-320',
  '0x10',
  '*',
  ';;',
  'A1;A1',
  'county',
  'lead',
  'secondary',
  'standard',
  'complex',
  '\u202e',
  'a'.repeat(5000),
];
const hostileJson = [
  null,
  -1,
  0,
  1e308,
  -1e308,
  1e15,
  'x',
  '',
  [],
  {},
  true,
  0.5,
  53,
  54,
  '../areas.csv',
  '/etc/passwd',
  '\u001b[2J',
  'x\u0000',
  { a: { b: { c: [1, 2] } } },
  'bids.csv',
  'zones-two.csv',
];

function mutateCsv(text) {
  const lines = text.split('\n');
  const i = Math.floor(random() * lines.length);
  switch (
    pick([
      'mild',
      'mild',
      'mild',
      'cell',
      'cell',
      'cell',
      'delete',
      'repeat',
      'cut',
      'bytes',
      'column',
      'quote',
    ])
  ) {
    case 'mild': {
      // a plausible change (a number scaled by 0.5 to 2), so that many runs get as far as an award
      const cells = (lines[i] ?? '').split(',');
      const c = Math.floor(random() * cells.length);
      const n = Number(cells[c]);
      if (i > 0 && cells[c] !== '' && Number.isFinite(n))
        cells[c] = String(Math.round(n * (0.5 + random() * 1.5) * 100) / 100);
      lines[i] = cells.join(',');
      return lines.join('\n');
    }
    case 'cell': {
      const cells = (lines[i] ?? '').split(',');
      cells[Math.floor(random() * cells.length)] = pick(hostileCells);
      lines[i] = cells.join(',');
      return lines.join('\n');
    }
    case 'delete':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'repeat':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'cut':
      return text.slice(0, Math.floor(random() * text.length));
    case 'bytes': {
      const at = Math.floor(random() * text.length);
      return (
        text.slice(0, at) +
        String.fromCharCode(...Array.from({ length: 4 }, () => Math.floor(random() * 256))) +
        text.slice(at)
      );
    }
    case 'column':
      lines[i] = `${lines[i] ?? ''},extra`;
      return lines.join('\n');
    default:
      lines[i] = `"${lines[i] ?? ''}`;
      return lines.join('\n');
  }
}

/** Every path to a value in a JSON document. */
function paths(value, prefix = []) {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.keys(value).flatMap((k) => paths(value[k], [...prefix, k]))];
}

function mutateJson(text) {
  const json = JSON.parse(text);
  const where = pick(paths(json).filter((p) => p.length > 0));
  let parent = json;
  for (const key of where.slice(0, -1)) parent = parent[key];
  const last = where[where.length - 1];
  if (random() < 0.2) delete parent[last];
  else parent[last] = pick(hostileJson);
  return random() < 0.05 ? JSON.stringify(json).slice(0, 40) : JSON.stringify(json, null, 2);
}

function mutateFolder(dir) {
  const files = readdirSync(dir).filter((f) => /\.(csv|json)$/.test(f));
  const count = 1 + Math.floor(random() * 3);
  const done = [];
  for (let k = 0; k < count; k++) {
    const name = pick(files);
    const file = path.join(dir, name);
    const kind = random();
    if (kind < 0.04) {
      unlinkSync(file);
      symlinkSync(pick(['/etc/passwd', '/dev/zero', '../outside.csv', '/tmp']), file);
      done.push(`${name} → link`);
    } else if (kind < 0.07) {
      unlinkSync(file);
      execFileSync('mkfifo', [file]);
      done.push(`${name} → named pipe`);
    } else if (kind < 0.09) {
      unlinkSync(file);
      mkdirSync(file);
      done.push(`${name} → folder`);
    } else if (lstatSync(file, { throwIfNoEntry: false })?.isFile() === true) {
      // only a plain file: an earlier mutation may have made this name a pipe, and reading a pipe waits forever
      const text = readFileSync(file, 'utf8');
      let mutated = text;
      try {
        mutated = name.endsWith('.json') ? mutateJson(text) : mutateCsv(text);
      } catch {
        mutated = mutateCsv(text);
      }
      writeFileSync(file, mutated);
      done.push(`${name} mutated`);
    }
  }
  return done;
}

function run(args, cwd, killAfterMs = null) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const hang = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const kill = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    const started = Date.now();
    child.on('close', (code, signal) => {
      clearTimeout(hang);
      if (kill !== null) clearTimeout(kill);
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const outputs = ['result.json', 'allocations.csv', 'lots.csv', 'providers.csv', 'report.html'];

/**
 * Text cells of the scenario's CSV files that spell Infinity or NaN (a zone
 * named "Infinity" is a valid id): outputs may repeat them as text, so they are
 * taken out before looking for non-finite numbers. A run whose scenario has
 * such an id checks its numbers a little less: every other run is unaffected.
 */
function textSpellingNonFinite(dir) {
  const cells = new Set();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    let text = '';
    try {
      text = readFileSync(path.join(dir, f), 'utf8');
    } catch {
      continue; // a pipe or folder put there by a mutation
    }
    for (const cell of text.split(/[\n,;]/).map((c) => c.trim().replace(/^"|"$/g, '')))
      if (/Infinity|NaN/.test(cell)) cells.add(cell);
  }
  return [...cells].sort((a, b) => b.length - a.length);
}

function problems(command, r, out, scenarioDir) {
  const found = [];
  if (r.signal !== null) found.push(`killed by ${r.signal} (hang over 120 s?)`);
  else if (![0, 1, 2, 3].includes(r.code)) found.push(`exit code ${r.code}`);
  if (
    r.code === 1 &&
    (/unexpected error/.test(r.stderr) || /\n\s+at /.test(r.stderr) || r.stderr.trim() === '')
  )
    found.push('exit 1 without a clear message');
  if (rawControl.test(r.stdout.replace(/\r/g, '')) && !command.includes('json'))
    found.push('raw control character on stdout');
  if (rawControl.test(r.stderr)) found.push('raw control character on stderr');
  if (command === 'solve' || command === 'score') {
    const written = existsSync(out) ? readdirSync(out).filter((n) => !n.startsWith('.')) : [];
    if (r.code === 2 && written.length > 0) found.push(`exit 2 but wrote ${written.join(', ')}`);
    if (command === 'solve' && r.code === 3) {
      if (written.includes('allocations.csv')) found.push('exit 3 but allocations.csv is there');
      try {
        const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'));
        if (result.status !== 'infeasible' || typeof result.diagnosis?.summary !== 'string')
          found.push('exit 3 but result.json has no infeasible status and diagnosis');
      } catch {
        found.push('exit 3 but no readable result.json');
      }
    }
    if (command === 'solve' && r.code === 0) {
      for (const f of outputs) if (!written.includes(f)) found.push(`exit 0 but ${f} is missing`);
      for (const f of written.filter((n) => /\.(json|csv)$/.test(n))) {
        const text = readFileSync(path.join(out, f), 'utf8');
        const numbers = textSpellingNonFinite(scenarioDir).reduce((t, cell) => t.split(cell).join(''), text);
        if (/Infinity|NaN/.test(numbers)) found.push(`${f} holds Infinity or NaN`);
        if (f === 'result.json')
          try {
            JSON.parse(text);
          } catch {
            found.push('result.json is not valid JSON');
          }
      }
    }
  }
  return found;
}

async function fuzzOne(n) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'zonal-fuzz-'));
  const dir = path.join(work, 'scenario');
  cpSync(path.join(root, 'scenarios', random() < 0.85 ? 'tiny' : 'hertfordshire'), dir, { recursive: true });
  writeFileSync(path.join(work, 'outside.csv'), 'area_id,name\nX,secret\n');
  const mutations = mutateFolder(dir);
  const command = pick(['validate', 'solve', 'solve', 'solve', 'score']);
  const out = path.join(work, 'out');
  const flags =
    command === 'solve'
      ? [
          ...(random() < 0.2
            ? ['--time-limit', pick(['0', '-1', 'Infinity', '1e9', 'abc', '5', '0.001'])]
            : []),
          ...(random() < 0.2 ? ['--objective', 'meat'] : []),
          ...(random() < 0.1 ? ['--format', 'json'] : []),
        ]
      : [];
  const args =
    command === 'validate'
      ? ['validate', dir]
      : command === 'score'
        ? ['score', dir, '--out', path.join(out, 'scores.csv')]
        : ['solve', dir, '--out', out, ...flags];
  const r = await run(args, work);
  const found = problems(args.includes('json') ? 'solve-json' : command, r, out, dir);
  return { n, code: r.code, found, args, mutations, work, stderr: r.stderr };
}

/** Kill a solve at a random moment while it replaces a set of outputs: the folder must show one set, whole. */
async function killOne(n, reference) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'zonal-fuzz-kill-'));
  const out = path.join(work, 'out');
  cpSync(reference.cost, out, { recursive: true, verbatimSymlinks: true });
  const r = await run(
    ['solve', path.join(root, 'scenarios/tiny'), '--out', out, '--objective', 'meat'],
    work,
    Math.floor(random() * reference.seconds * 1000 * 3),
  );
  const found = [];
  const shown = existsSync(path.join(out, 'allocations.csv'))
    ? readFileSync(path.join(out, 'allocations.csv'), 'utf8')
    : null;
  const kind = (() => {
    try {
      return JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')).objective.kind;
    } catch {
      return null;
    }
  })();
  const set =
    kind === 'cost' && shown === reference.costAllocations
      ? 'old'
      : kind === 'meat' && shown === reference.meatAllocations
        ? 'new'
        : 'mixed';
  if (set === 'mixed')
    found.push(
      `killed after ${r.seconds} s: the folder shows a mix (result.json ${kind}, allocations.csv ${shown === reference.costAllocations ? 'cost' : shown === reference.meatAllocations ? 'meat' : 'other'})`,
    );
  for (const f of outputs) if (!existsSync(path.join(out, f))) found.push(`killed: ${f} is missing`);
  return { n, code: r.code ?? `killed (${set})`, found, args: ['kill during solve'], mutations: [], work };
}

async function referenceSets() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonal-fuzz-ref-'));
  const cost = path.join(dir, 'cost');
  const meat = path.join(dir, 'meat');
  const started = Date.now();
  await run(['solve', path.join(root, 'scenarios/tiny'), '--out', cost], dir);
  const seconds = (Date.now() - started) / 1000;
  await run(['solve', path.join(root, 'scenarios/tiny'), '--out', meat, '--objective', 'meat'], dir);
  return {
    cost,
    seconds,
    costAllocations: readFileSync(path.join(cost, 'allocations.csv'), 'utf8'),
    meatAllocations: readFileSync(path.join(meat, 'allocations.csv'), 'utf8'),
  };
}

async function main() {
  if (!existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
  const reference = await referenceSets();
  const deadline = Date.now() + minutes * 60_000;
  const codes = new Map();
  const failures = [];
  let n = 0;
  const summary = () =>
    `${n} runs (seed ${arg('--seed', '1')}, ${jobs} jobs): ${[...codes]
      .sort()
      .map(([code, count]) => `exit ${code}: ${count}`)
      .join(', ')}; ${failures.length} with problems`;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      process.stdout.write(`stopped by ${signal} after ${summary()}\n`);
      process.exit(failures.length === 0 ? 130 : 1);
    });
  const worker = async () => {
    while (Date.now() < deadline) {
      const i = n++;
      const result = random() < 0.1 ? await killOne(i, reference) : await fuzzOne(i);
      codes.set(String(result.code), (codes.get(String(result.code)) ?? 0) + 1);
      if (result.found.length > 0) {
        failures.push(result);
        const kept = path.join(keep, `case-${i}`);
        mkdirSync(keep, { recursive: true });
        try {
          cpSync(result.work, kept, { recursive: true, verbatimSymlinks: true });
        } catch {
          mkdirSync(kept, { recursive: true }); // a named pipe in the case cannot be copied; the command and mutations are still kept
        }
        writeFileSync(
          path.join(kept, 'FOUND.txt'),
          `${result.args.join(' ')}\nmutations: ${result.mutations.join('; ')}\n${result.found.join('\n')}\n`,
        );
        process.stderr.write(
          `run ${i}: ${result.found.join('; ')} (${result.args.join(' ')}; ${result.mutations.join('; ')})\n`,
        );
      } else if (result.code === 1)
        // Allowed only for a real solver failure with a clear message: shown, so a person can judge it.
        process.stderr.write(
          `run ${i}: exit 1: ${String(result.stderr ?? '')
            .trim()
            .split('\n')
            .pop()} (${result.args.join(' ')}; ${result.mutations.join('; ')})\n`,
        );
      rmSync(result.work, { recursive: true, force: true });
      if (n % 10 === 0) process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${summary()}\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  process.stdout.write(
    `${minutes} min: ${summary()}.\n${failures.length === 0 ? 'No problems found.' : `${failures.length} run(s) with problems, kept in ${keep}.`}\n`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();

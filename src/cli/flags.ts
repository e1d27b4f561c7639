/**
 * Numeric command-line options, each with a documented range (docs/hardening.md,
 * "Limits"); a value outside it is bad input (exit 2) with a message saying why.
 */
import { CliExit, exitCodes } from './exit.js';

/** Longest solver time limit: a day. */
const maxTimeLimitSeconds = 86_400;
/** Most worker threads: each holds a copy of the engine (about 40 MB), and more threads than cores only wait. */
const maxWorkers = 64;
/** Most variants in one batch unless --max-variants raises it, and the most it may be raised to. */
const defaultMaxVariants = 10_000;
const maxMaxVariants = 1_000_000;

const bad = (message: string) => new CliExit(exitCodes.badInput, message);

/** A plain decimal number: no "Infinity", "0x10", "1e999" or empty text. */
export function plainNumber(text: string): number | null {
  const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function timeLimitFlag(text: string): number {
  const n = plainNumber(text);
  if (n === null || n <= 0 || n > maxTimeLimitSeconds)
    throw bad(
      `--time-limit ${text}: give a number of seconds above 0 and at most ${maxTimeLimitSeconds} (a day)`,
    );
  return n;
}

export function wholeNumberFlag(flag: string, text: string, min: number, max: number, why = ''): number {
  const n = plainNumber(text);
  if (n === null || !Number.isInteger(n) || n < min || n > max)
    throw bad(`${flag} ${text}: give a whole number from ${min} to ${max}${why}`);
  return n;
}

/**
 * A parser for a path on the command line (`--out`, a file flag, the scenario) that refuses
 * an empty or blank one: a script's unset variable (`--out "$OUT"`) would otherwise mean the
 * current folder, and until 2026-12-01 the results were written there.
 */
export const nonEmptyPath =
  (flag: string) =>
  (text: string): string => {
    if (text.trim() === '')
      throw bad(
        `${flag} "${text}": is empty: give a name (an empty one would mean the current folder; write . for that)`,
      );
    return text;
  };

/** A seed of pure-rand's generators, which read it as a 32-bit integer: a larger one would be another seed. */
export const seedFlag = (text: string, least: number): number =>
  wholeNumberFlag('--seed', text, least, 2 ** 31 - 1);

export function workersFlag(text: string): number {
  return wholeNumberFlag(
    '--workers',
    text,
    1,
    maxWorkers,
    ' (each worker holds about 40 MB; more workers than cores only wait)',
  );
}

/** `zonal worker --concurrency`: the variants one machine solves at once, bounded as `--workers` is. */
export function concurrencyFlag(text: string): number {
  return wholeNumberFlag(
    '--concurrency',
    text,
    1,
    maxWorkers,
    ' (more variants at once than cores only wait)',
  );
}

/** How long a worker's lock on a job lasts without a renewal, at most a day (as --time-limit). */
export const maxLockSeconds = maxTimeLimitSeconds;

export function maxVariantsFlag(text: string | undefined): number {
  return text === undefined ? defaultMaxVariants : wholeNumberFlag('--max-variants', text, 1, maxMaxVariants);
}

/**
 * A comma-separated list of names (`--zonings districts,twelve`): spaces around a name and
 * empty items are dropped; a list with no name at all is bad input, not "compare nothing".
 */
export function nameListFlag(flag: string, text: string, example: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw bad(`${flag} "${text}": give at least one name, e.g. ${flag} ${example}`);
  return names;
}

/**
 * A Program as CPLEX LP text that both HiGHS and CBC read the same way.
 *
 * The two readers disagree at the edges, so this writes only what both accept
 * (checked against highs 1.15.3 and cbc 2.10.8, whose reader is CoinLpIO):
 * - Names use letters, digits and `_.(),{}#@$%&!?~`, at most 100 characters.
 *   CoinLpIO silently renames every column to x0, x1, ... when one name breaks
 *   its rules (too long, or a character such as `|`, `[` or `:`), and HiGHS
 *   rejects `[`, `]`, `:`, `*`, `/`, `-`, `+`. A name must not start with a digit
 *   or `.`, nor with `inf` or `nan` (HiGHS scans those as numbers), nor be a
 *   keyword such as `end`, `free`, `bin` or `subject`; such names get a `_` prefix.
 * - CoinLpIO has no `lo <= expr <= up` row, so a ranged row becomes two rows,
 *   `name_lo` (>=) and `name_up` (<=).
 * - Every variable is written in the objective, zero costs as `+ 0 x`, so both
 *   readers create every column, in program order.
 * - Numbers are the shortest decimal that reads back to the same double, with
 *   the exponent spelled out (`0.0000001`, not `1e-7`) unless that is very long.
 * - Lines stay under 255 characters; long expressions continue on the next line.
 */

import type { Program, Row, Variable } from './program.js';

/** The LP name of everything in a program, as `toLpText` writes it. */
export interface LpNames {
  readonly objective: string;
  readonly variables: readonly string[];
  /** Per row: no name for a free row (not written), one name, or [lower, upper] for a ranged row. */
  readonly rows: readonly (readonly string[])[];
}

const maxLineLength = 254;
/** CoinLpIO's limit is 100; this leaves room for a `~N` suffix. */
const maxBaseNameLength = 88;
const illegalCharacters = /[^A-Za-z0-9_.(),{}#@$%&!?]/g;
const reservedNames = new Set([
  'min',
  'max',
  'minimize',
  'maximize',
  'minimise',
  'maximise',
  'minimum',
  'maximum',
  'st',
  's.t.',
  'st.',
  'subject',
  'such',
  'that',
  'to',
  'bound',
  'bounds',
  'free',
  'inf',
  'infinity',
  'gen',
  'general',
  'generals',
  'int',
  'integer',
  'integers',
  'bin',
  'binary',
  'binaries',
  'semi',
  'semis',
  'semi-continuous',
  'sos',
  'end',
]);

/** Writes the program as LP text. */
export function toLpText(program: Program): string {
  const names = lpNames(program);
  const lines: string[] = [program.sense === 'min' ? 'Minimize' : 'Maximize'];
  const objectiveTerms = program.variables.map((variable, j) =>
    term(variable.cost, nameAt(names.variables, j)),
  );
  lines.push(...wrap([`${names.objective}:`, ...objectiveTerms]));
  lines.push('Subject To');
  for (const [i, row] of program.rows.entries())
    lines.push(...rowLines(row, names.rows[i] ?? [], names.variables));
  const bounds: string[] = [];
  const generals: string[] = [];
  const binaries: string[] = [];
  program.variables.forEach((variable, j) => {
    const name = nameAt(names.variables, j);
    if (isBinary(variable)) {
      binaries.push(name);
      return;
    }
    if (variable.integer) generals.push(name);
    const line = boundLine(name, variable.lower, variable.upper);
    if (line !== undefined) bounds.push(line);
  });
  if (bounds.length > 0) lines.push('Bounds', ...bounds);
  if (generals.length > 0) lines.push('Generals', ...wrap(generals));
  if (binaries.length > 0) lines.push('Binaries', ...wrap(binaries));
  lines.push('End', '');
  return lines.join('\n');
}

/**
 * LP-legal, unique names for the objective, variables and rows, in one shared
 * namespace (a row and a column never share a name). Deterministic: the same
 * program always gets the same names; clashes get `~2`, `~3`, ... in order.
 */
export function lpNames(program: Program): LpNames {
  const taken = new Set<string>();
  const claim = (raw: string, suffix = ''): string => {
    const base = sanitiseName(raw).slice(0, maxBaseNameLength - suffix.length) + suffix;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}~${k}`;
    taken.add(name);
    return name;
  };
  const objective = claim('obj');
  const variables = program.variables.map((variable) => claim(variable.name));
  const rows = program.rows.map((row): readonly string[] => {
    switch (rowShape(row)) {
      case 'free':
        return [];
      case 'ranged':
        return [claim(row.name, '_lo'), claim(row.name, '_up')];
      default:
        return [claim(row.name)];
    }
  });
  return { objective, variables, rows };
}

/** Maps a name onto the characters both readers accept (before uniqueness). */
export function sanitiseName(raw: string): string {
  const name = raw.replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, '.').replace(illegalCharacters, '_');
  const needsPrefix =
    name === '' ||
    /^[0-9.]/.test(name) ||
    /^(inf|nan)/i.test(name) ||
    /^e[0-9]/i.test(name) ||
    reservedNames.has(name.toLowerCase());
  return needsPrefix ? `_${name}` : name;
}

/**
 * The shortest decimal that reads back as `value`, without an exponent when
 * that takes at most 30 extra zeros (both readers accept exponents, but not
 * every LP reader does). Infinities are `inf` / `-inf`.
 */
export function lpNumber(value: number): string {
  if (Number.isNaN(value)) throw new RangeError('LP text cannot hold NaN');
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 30) return text;
  const digits = lead + fraction;
  // String() only uses an exponent from 1e21 up (more places than digits) or below 1e-6.
  return exponent > 0
    ? sign + digits.padEnd(exponent + 1, '0')
    : `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

type RowShape = 'free' | 'equal' | 'upper' | 'lower' | 'ranged';

function rowShape(row: Row): RowShape {
  const hasLower = row.lower > -Infinity;
  const hasUpper = row.upper < Infinity;
  if (hasLower && hasUpper) return row.lower === row.upper ? 'equal' : 'ranged';
  if (hasUpper) return 'upper';
  return hasLower ? 'lower' : 'free';
}

function rowLines(row: Row, names: readonly string[], variableNames: readonly string[]): string[] {
  const terms = row.terms
    .filter(([, coefficient]) => coefficient !== 0)
    .map(([j, coefficient]) => term(coefficient, nameAt(variableNames, j)));
  const write = (name: string | undefined, sense: string, rhs: number): string[] =>
    name === undefined ? [] : wrap([`${name}:`, ...terms], `${sense} ${lpNumber(rhs)}`);
  switch (rowShape(row)) {
    case 'free':
      return [];
    case 'equal':
      return write(names[0], '=', row.lower);
    case 'upper':
      return write(names[0], '<=', row.upper);
    case 'lower':
      return write(names[0], '>=', row.lower);
    case 'ranged':
      return [...write(names[0], '>=', row.lower), ...write(names[1], '<=', row.upper)];
  }
}

function boundLine(name: string, lower: number, upper: number): string | undefined {
  if (lower === upper) return `${name} = ${lpNumber(lower)}`;
  if (lower === -Infinity && upper === Infinity) return `${name} free`;
  if (upper === Infinity) return lower === 0 ? undefined : `${name} >= ${lpNumber(lower)}`;
  // Both ends spelled out: some readers take a lone negative upper bound to mean a free lower one.
  return `${lpNumber(lower)} <= ${name} <= ${lpNumber(upper)}`;
}

function isBinary(variable: Variable): boolean {
  return variable.integer && variable.lower === 0 && variable.upper === 1;
}

function term(coefficient: number, name: string): string {
  return `${coefficient < 0 ? '-' : '+'} ${lpNumber(Math.abs(coefficient))} ${name}`;
}

function nameAt(names: readonly string[], index: number): string {
  const name = names[index];
  if (name === undefined)
    throw new RangeError(`row term refers to variable ${index}, which the program does not have`);
  return name;
}

/** Joins tokens into lines under the limit; `tail` (sense and rhs) stays on the last line. */
function wrap(tokens: readonly string[], tail?: string): string[] {
  const all = tail === undefined ? tokens : [...tokens, tail];
  const lines: string[] = [];
  let line = '';
  for (const token of all) {
    if (line !== '' && line.length + 1 + token.length > maxLineLength) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line = line === '' ? token : `${line} ${token}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

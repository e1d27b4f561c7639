/**
 * A solver backend that answers a model it has already solved from memory.
 *
 * Batch variants often build the same model: on the bundled county grid, 504
 * variants build 294 different programs, because a share cap that no award
 * can reach is dropped by the pre-solve reduction, so caps of 0.4, 0.5 and 1
 * give one program. HiGHS's answer is a function of what it is given (the
 * numbers of the model, the options, the start; `random_seed` is fixed), so
 * a second solve of the same input gives the same plan; the memo returns it
 * without solving.
 *
 * The key is everything the solver receives, bit for bit: the sense, each
 * column's cost, bounds and integrality, each row's bounds and coefficients,
 * the time limit, gap, node limit and start. Names and meanings are not part
 * of it (HiGHS never sees them; the caller decodes values by index), so a
 * variant can never get an answer to a different model. A start given as a
 * rule (the greedy award) is keyed by the rule and the variables' meanings it
 * reads, not by its plan, so a remembered model needs no start worked out:
 * the rule gives the same plan for the same numbers and meanings. The meanings
 * are compared only with answers of the same numbers, value by value (a meaning
 * variants share is known by identity at once), not written out as a key for
 * every solve: that was 24 kB of JSON a variant on the bundled grid. Only answers that do
 * not depend on the clock are kept (optimal, infeasible): a plan cut short by
 * the time limit is solved again. A reused answer took no solving: its
 * `seconds` is 0.
 */
import type { Program, SolveOptions, SolverBackend, SolverOutcome, StartRule, Variable } from './program.js';
import { pushTo } from '../model/map-lists.js';

/** How many answers a memo keeps (the oldest goes first): batch variants that share a model run one after another. */
const defaultCapacity = 64;

/** Each start rule's number in keys: the rule itself, not its name, decides. */
const ruleNumbers = new Map<StartRule, number>();

function ruleNumber(rule: StartRule): number {
  let n = ruleNumbers.get(rule);
  if (n === undefined) {
    n = ruleNumbers.size + 1;
    ruleNumbers.set(rule, n);
  }
  return n;
}

function optionNumbers(options: SolveOptions): number[] {
  const start = options.start;
  const plan = typeof start === 'function' || start === undefined ? [] : start;
  return [
    options.timeLimit,
    options.relativeGap,
    options.nodeLimit === undefined ? 0 : 1,
    options.nodeLimit ?? 0,
    start === undefined ? 0 : typeof start === 'function' ? -ruleNumber(start) : 1,
    plan.length,
    ...plan,
  ];
}

/** What a start rule reads besides the numbers: the variables, for their meanings (none without a rule). */
function ruleReads(program: Program, options: SolveOptions): readonly Variable[] {
  return typeof options.start === 'function' ? program.variables : [];
}

/**
 * Whether two plain values (objects, arrays, strings, numbers, booleans, null) are alike,
 * key order included; so at least as strict as comparing their JSON.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key, i) =>
        key === keysB[i] &&
        sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Whether two lists of variables (of the same numbers) have the same meanings. */
function sameMeanings(a: readonly Variable[], b: readonly Variable[]): boolean {
  return a.length === b.length && a.every((v, j) => sameValue(v.meaning, b[j]?.meaning));
}

/** The solver's whole numeric input as a string, exact to the bit (numbers as their IEEE-754 bytes). */
function numbersKey(program: Program, options: SolveOptions): string {
  const head = optionNumbers(options);
  let size = head.length + 3 + program.variables.length * 4;
  for (const row of program.rows) size += 3 + row.terms.length * 2;
  const numbers = new Float64Array(size);
  numbers.set(head);
  let k = head.length;
  numbers[k++] = program.sense === 'min' ? 0 : 1;
  numbers[k++] = program.variables.length;
  numbers[k++] = program.rows.length;
  for (const v of program.variables) {
    numbers[k++] = v.cost;
    numbers[k++] = v.lower;
    numbers[k++] = v.upper;
    numbers[k++] = v.integer ? 1 : 0;
  }
  for (const row of program.rows) {
    numbers[k++] = row.lower;
    numbers[k++] = row.upper;
    numbers[k++] = row.terms.length;
    for (const term of row.terms) {
      numbers[k++] = term[0];
      numbers[k++] = term[1];
    }
  }
  return Buffer.from(numbers.buffer).toString('latin1');
}

function lasting(outcome: SolverOutcome): boolean {
  return outcome.status === 'optimal' || outcome.status === 'infeasible';
}

/** An answer kept: the numbers of its input, the variables whose meanings its start rule read, and the outcome. */
interface Answer {
  readonly numbers: string;
  readonly reads: readonly Variable[];
  readonly outcome: SolverOutcome;
}

/** @param capacity - answers kept. @defaultValue 64 */
export function memoisedBackend(backend: SolverBackend, capacity = defaultCapacity): SolverBackend {
  /** Answers by the numbers of their input. */
  const answers = new Map<string, Answer[]>();
  /** The same answers, oldest first. */
  const kept: Answer[] = [];
  const find = (numbers: string, reads: readonly Variable[]): Answer | undefined =>
    answers.get(numbers)?.find((answer) => sameMeanings(answer.reads, reads));
  const forgetOldest = () => {
    const oldest = kept.shift();
    const same = oldest === undefined ? undefined : answers.get(oldest.numbers);
    if (oldest === undefined || same === undefined) return;
    if (same.length === 1) answers.delete(oldest.numbers);
    else same.splice(same.indexOf(oldest), 1);
  };
  const keep = (answer: Answer) => {
    if (kept.length >= capacity) forgetOldest();
    kept.push(answer);
    pushTo(answers, answer.numbers, answer);
  };
  return {
    name: backend.name,
    ...(backend.warmUp === undefined ? {} : { warmUp: backend.warmUp }),
    async solve(program, options) {
      const numbers = numbersKey(program, options);
      const reads = ruleReads(program, options);
      const known = find(numbers, reads);
      if (known !== undefined) return { ...known.outcome, seconds: 0 };
      const outcome = await backend.solve(program, options);
      // Two solves of one input at once: the first answer kept stands (the second is the same).
      if (lasting(outcome) && find(numbers, reads) === undefined) keep({ numbers, reads, outcome });
      return outcome;
    },
  };
}

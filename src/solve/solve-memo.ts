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
 * the rule gives the same plan for the same numbers and meanings. Only answers that do
 * not depend on the clock are kept (optimal, infeasible): a plan cut short by
 * the time limit is solved again. A reused answer took no solving: its
 * `seconds` is 0.
 */
import type { Program, SolveOptions, SolverBackend, SolverOutcome, StartRule } from './program.js';

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

/** What a start rule reads besides the numbers: the variables' meanings (empty without a rule). */
function meaningsKey(program: Program, options: SolveOptions): string {
  return typeof options.start === 'function' ? JSON.stringify(program.variables.map((v) => v.meaning)) : '';
}

/** The solver's whole input as a string, exact to the bit (numbers as their IEEE-754 bytes). */
function solveKey(program: Program, options: SolveOptions): string {
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
  return Buffer.from(numbers.buffer).toString('latin1') + meaningsKey(program, options);
}

function lasting(outcome: SolverOutcome): boolean {
  return outcome.status === 'optimal' || outcome.status === 'infeasible';
}

/** @param capacity - answers kept. @defaultValue 64 */
export function memoisedBackend(backend: SolverBackend, capacity = defaultCapacity): SolverBackend {
  const answers = new Map<string, SolverOutcome>();
  return {
    name: backend.name,
    ...(backend.warmUp === undefined ? {} : { warmUp: backend.warmUp }),
    async solve(program, options) {
      const key = solveKey(program, options);
      const known = answers.get(key);
      if (known !== undefined) return { ...known, seconds: 0 };
      const outcome = await backend.solve(program, options);
      if (lasting(outcome)) {
        if (answers.size >= capacity) answers.delete(answers.keys().next().value as string);
        answers.set(key, outcome);
      }
      return outcome;
    },
  };
}

/**
 * The functions the settings schemas run (refinements, transforms), by name,
 * so that a settings plan (model/settings-plan.ts), which is data, can name
 * them: a schema module wraps each function it hands zod in `named`, and the
 * plan's walker (model/plan-of-zod.ts) finds the name by the function itself.
 * One function, used by zod and by the plan alike. Without zod.
 */

/** What a plan's reader offers a quick twin (see `named`): read a value by another of the plans. */
export interface PlanReader {
  /** The value `plan` reads from `value`, or undefined when the plan declines it (zod will say why). */
  read(plan: string, value: unknown): { readonly value: unknown } | undefined;
}

/**
 * A function's quick twin: what it returns for a plainly right value, without
 * zod, or undefined to decline (the zod schema then runs and words the problem).
 */
export type QuickTwin = (value: unknown, reader: PlanReader) => { readonly value: unknown } | undefined;

interface Entry {
  readonly fn: unknown;
  readonly quick: QuickTwin | undefined;
}

const byName = new Map<string, Entry>([['String', { fn: String, quick: undefined }]]);
const names = new Map<unknown, string>([[String, 'String']]);

/**
 * Register `fn` under `name` and return it, for a schema to use. `quick`: for
 * a function that runs other zod schemas, what it does without them.
 */
export function named<F>(name: string, fn: F, quick?: QuickTwin): F {
  if (byName.has(name) && byName.get(name)?.fn !== fn) throw new Error(`plan function "${name}" named twice`);
  byName.set(name, { fn, quick });
  names.set(fn, name);
  return fn;
}

/** The name a function was registered under (for the walker). */
export function nameOf(fn: unknown): string | undefined {
  return names.get(fn);
}

/** The function and its quick twin registered under `name`, if its module has loaded. */
export function planFunction(name: string): Entry | undefined {
  return byName.get(name);
}

/**
 * Settings read without zod. A plan is a zod schema written out as data
 * (model/plan-of-zod.ts walks the schemas' definitions; the plans in
 * model/settings-plans.ts are generated from them), and `readByPlan` follows
 * it over a value: a plainly right value comes out exactly as zod would give
 * it (defaults filled, shares like "80%" read, keys in the same order), and
 * anything else, or anything the plan cannot decide, is declined, for zod to
 * check and word. So a valid scenario.json is read without building a zod
 * schema (building them was most of `zonal validate`'s time in zod:
 * docs/performance.md, "validate, fifth round"), and the zod schemas stay the
 * one place that says what is valid. test/model/settings-plan.test.ts holds
 * the two together on random settings.
 */
import { planFunction, type PlanReader } from './plan-functions.js';

/** A check on a value, in the order zod runs them. */
export type PlanCheck =
  | { readonly c: 'trim' }
  | { readonly c: 'lowercase' }
  | { readonly c: 'minLength'; readonly n: number }
  | { readonly c: 'maxLength'; readonly n: number }
  | { readonly c: 'regex'; readonly source: string; readonly flags: string }
  | { readonly c: 'above'; readonly n: number; readonly inclusive: boolean }
  | { readonly c: 'below'; readonly n: number; readonly inclusive: boolean }
  | { readonly c: 'safeint' }
  | { readonly c: 'refine'; readonly fn: string }
  /** A check the walker does not know: the value is declined. */
  | { readonly c: 'opaque' };

type Checked = { readonly checks: readonly PlanCheck[] };

export type Plan =
  | ({ readonly t: 'string' | 'number' | 'boolean' | 'unknown' } & Checked)
  | ({ readonly t: 'enum'; readonly values: readonly (string | number)[] } & Checked)
  | ({ readonly t: 'literal'; readonly values: readonly (string | number | boolean | null)[] } & Checked)
  | ({
      readonly t: 'object';
      readonly shape: Readonly<Record<string, Plan>>;
      readonly strict: boolean;
    } & Checked)
  | ({ readonly t: 'record'; readonly key: Plan; readonly value: Plan; readonly partial: boolean } & Checked)
  | ({ readonly t: 'array'; readonly element: Plan } & Checked)
  | ({ readonly t: 'union'; readonly options: readonly Plan[] } & Checked)
  | ({ readonly t: 'pipe'; readonly in: Plan; readonly out: Plan } & Checked)
  | ({ readonly t: 'transform'; readonly fn: string } & Checked)
  | ({ readonly t: 'optional' | 'nullable'; readonly inner: Plan } & Checked)
  | ({ readonly t: 'default' | 'prefault'; readonly inner: Plan; readonly value: unknown } & Checked)
  /** A schema the walker does not know: the value is declined. */
  | { readonly t: 'opaque' };

/** zod would reject the value (a union then tries its next option). */
const rejected = Symbol('rejected');
/** The plan cannot tell: zod decides. */
const unsure = Symbol('unsure');
type Outcome = unknown;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const failed = (v: unknown) => v === rejected || v === unsure;

const regexes = new Map<string, RegExp>();
function regexOf(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = regexes.get(key);
  if (r === undefined) {
    r = new RegExp(source, flags);
    regexes.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

/** A function's result; a promise leaves the decision to zod (so does a thrown error: `planReader` catches it). */
function call(fn: unknown, ...args: unknown[]): Outcome {
  if (typeof fn !== 'function') return unsure;
  const out: unknown = fn(...args);
  return out instanceof Promise ? unsure : out;
}

/** The value, if it passed the check; else zod would reject it. */
const kept = (value: unknown, passed: boolean): Outcome => (passed ? value : rejected);

/** Whether a number is above (or below) the limit, or at it when the limit is inclusive. */
function withinLimit(value: number, c: Extract<PlanCheck, { c: 'above' | 'below' }>): boolean {
  if (value === c.n) return c.inclusive;
  return c.c === 'above' ? value > c.n : value < c.n;
}

function check(value: unknown, c: PlanCheck): Outcome {
  switch (c.c) {
    case 'trim':
      return typeof value === 'string' ? value.trim() : unsure;
    case 'lowercase':
      return typeof value === 'string' ? value.toLowerCase() : unsure;
    case 'minLength':
    case 'maxLength':
      if (typeof value !== 'string' && !Array.isArray(value)) return unsure;
      return kept(value, c.c === 'minLength' ? value.length >= c.n : value.length <= c.n);
    case 'regex':
      if (typeof value !== 'string') return unsure;
      return kept(value, regexOf(c.source, c.flags).test(value));
    case 'above':
    case 'below':
      return typeof value === 'number' ? kept(value, withinLimit(value, c)) : unsure;
    case 'safeint':
      return typeof value === 'number' ? kept(value, Number.isSafeInteger(value)) : unsure;
    case 'refine': {
      const out = call(planFunction(c.fn)?.fn, value);
      return out === unsure ? unsure : kept(value, Boolean(out));
    }
    default:
      return unsure;
  }
}

/** A copy of a default, as zod hands out a fresh one each time. */
const fresh = (v: unknown): unknown => (typeof v === 'object' && v !== null ? structuredClone(v) : v);

/**
 * A transform's result: its quick twin's, or the function's own, run with a
 * context that only collects issues (any issue: zod rejects the value).
 */
function transform(name: string, value: unknown, reader: PlanReader): Outcome {
  const f = planFunction(name);
  if (f === undefined) return unsure;
  if (f.quick !== undefined) return f.quick(value, reader)?.value ?? unsure;
  const issues: unknown[] = [];
  const ctx = { value, issues, addIssue: (issue: unknown) => issues.push(issue) };
  const out = call(f.fn, value, ctx);
  return out === unsure ? unsure : kept(out, issues.length === 0);
}

/** A schema that fills in a value for an absent key (zod's "defaulted"): an optional around one still fills it. */
function defaulted(plan: Plan): boolean {
  if (plan.t === 'default' || plan.t === 'prefault') return true;
  if (plan.t === 'optional' || plan.t === 'nullable') return defaulted(plan.inner);
  if (plan.t === 'pipe') return defaulted(plan.in);
  if (plan.t === 'union') return plan.options.some(defaulted);
  return plan.t === 'opaque';
}

function objectOf(plan: Extract<Plan, { t: 'object' }>, value: unknown, reader: PlanReader): Outcome {
  if (!isPlain(value))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? unsure : rejected;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(plan.shape)) {
    if (key === '__proto__') return unsure;
    if (!Object.hasOwn(value, key)) {
      if (key in value) return unsure;
      if (field.t === 'optional' && !defaulted(field.inner)) continue;
      if (!defaulted(field)) return unsure;
      const v = read(field, undefined, reader);
      if (failed(v) || v === undefined) return unsure;
      out[key] = v;
      continue;
    }
    if (value[key] === undefined) return unsure;
    const v = read(field, value[key], reader);
    if (failed(v)) return v;
    if (v === undefined) return unsure;
    out[key] = v;
  }
  for (const key of Object.keys(value))
    if (!Object.hasOwn(plan.shape, key) && (plan.strict || key === '__proto__'))
      return plan.strict ? rejected : unsure;
  return out;
}

function recordOf(plan: Extract<Plan, { t: 'record' }>, value: unknown, reader: PlanReader): Outcome {
  if (!isPlain(value) || (!plan.partial && plan.key.t !== 'string')) return unsure;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return unsure;
    const k = read(plan.key, key, reader);
    if (typeof k !== 'string' || k === '__proto__') return k === rejected ? rejected : unsure;
    const v = read(plan.value, value[key], reader);
    if (failed(v)) return v;
    out[k] = v;
  }
  return out;
}

function arrayOf(plan: Extract<Plan, { t: 'array' }>, value: unknown, reader: PlanReader): Outcome {
  if (!Array.isArray(value)) return rejected;
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!Object.hasOwn(value, i)) return unsure;
    const v = read(plan.element, value[i], reader);
    if (failed(v)) return v;
    out.push(v);
  }
  return out;
}

function unionOf(plan: Extract<Plan, { t: 'union' }>, value: unknown, reader: PlanReader): Outcome {
  for (const option of plan.options) {
    const v = read(option, value, reader);
    if (v !== rejected) return v;
  }
  return rejected;
}

/** The value before its checks run. */
function parsed(plan: Exclude<Plan, { t: 'opaque' }>, value: unknown, reader: PlanReader): Outcome {
  switch (plan.t) {
    case 'string':
    case 'boolean':
      return typeof value === plan.t ? value : rejected;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : rejected;
    case 'unknown':
      return value;
    case 'enum':
    case 'literal':
      return (plan.values as readonly unknown[]).includes(value) ? value : rejected;
    case 'object':
      return objectOf(plan, value, reader);
    case 'record':
      return recordOf(plan, value, reader);
    case 'array':
      return arrayOf(plan, value, reader);
    case 'union':
      return unionOf(plan, value, reader);
    case 'pipe': {
      const v = read(plan.in, value, reader);
      return failed(v) ? v : read(plan.out, v, reader);
    }
    case 'transform':
      return transform(plan.fn, value, reader);
    case 'optional':
      return value === undefined ? undefined : read(plan.inner, value, reader);
    case 'nullable':
      return value === null ? null : read(plan.inner, value, reader);
    case 'default': {
      if (value === undefined) return fresh(plan.value);
      const v = read(plan.inner, value, reader);
      return v === undefined ? unsure : v;
    }
    case 'prefault':
      return read(plan.inner, value === undefined ? fresh(plan.value) : value, reader);
  }
}

function read(plan: Plan, value: unknown, reader: PlanReader): Outcome {
  if (plan.t === 'opaque') return unsure;
  // A default that a failed inner value would fall back to, or an optional's undefined: zod's own business.
  if (plan.t === 'default' && (plan.checks.length > 0 || plan.inner.t === 'optional')) return unsure;
  let v = parsed(plan, value, reader);
  for (const c of plan.checks) {
    if (failed(v)) return v;
    v = check(v, c);
  }
  return v;
}

/**
 * A reader over a set of named plans: `read(name, value)` is the value zod's
 * schema would give, or undefined when the plans decline it (zod decides).
 * A function of the schemas (a refinement, a transform or its quick twin)
 * that throws declines the value too: `unsure` would reach the top anyway.
 */
export function planReader(plans: Readonly<Record<string, Plan>>): PlanReader {
  const reader: PlanReader = {
    read(name, value) {
      const plan = plans[name];
      if (plan === undefined) return undefined;
      try {
        const v = read(plan, value, reader);
        return failed(v) ? undefined : { value: v };
      } catch {
        return undefined;
      }
    },
  };
  return reader;
}

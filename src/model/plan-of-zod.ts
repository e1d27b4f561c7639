/**
 * A zod schema written out as a settings plan (model/settings-plan.ts), by
 * walking zod 4's schema definitions (`schema._zod.def`). Whatever the walker
 * does not know (a kind of schema or check, a function not registered with
 * `named`) becomes `opaque`, which the plan's reader declines, so zod decides.
 * Used to generate model/settings-plans.ts (scripts/settings-plans.mjs) and by
 * the test that holds that file to the schemas; never when zonal runs.
 */
import type { z } from 'zod';
import { nameOf } from './plan-functions.js';
import type { Plan, PlanCheck } from './settings-plan.js';

type Def = Readonly<Record<string, unknown>>;

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Strings, finite numbers, booleans, null, and arrays and plain objects of them: what JSON keeps as it is. */
function isData(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isData);
  return (
    typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(isData)
  );
}

/** A default, written out as data (a plan is data). */
function jsonValue(value: unknown): unknown {
  if (!isData(value)) throw new Error(`plan-of-zod: a default that is not plain data: ${String(value)}`);
  return value;
}

function checkOf(check: unknown): PlanCheck {
  const def = defOf(check);
  switch (def['check']) {
    case 'overwrite': {
      const tx = String(def['tx']);
      if (tx === '(input) => input.trim()') return { c: 'trim' };
      if (tx === '(input) => input.toLowerCase()') return { c: 'lowercase' };
      return { c: 'opaque' };
    }
    case 'min_length':
      return { c: 'minLength', n: Number(def['minimum']) };
    case 'max_length':
      return { c: 'maxLength', n: Number(def['maximum']) };
    case 'string_format': {
      const pattern = def['pattern'];
      return def['format'] === 'regex' && pattern instanceof RegExp
        ? { c: 'regex', source: pattern.source, flags: pattern.flags }
        : { c: 'opaque' };
    }
    case 'greater_than':
      return { c: 'above', n: Number(def['value']), inclusive: def['inclusive'] === true };
    case 'less_than':
      return { c: 'below', n: Number(def['value']), inclusive: def['inclusive'] === true };
    case 'number_format':
      return def['format'] === 'safeint' ? { c: 'safeint' } : { c: 'opaque' };
    case 'custom': {
      const name = nameOf(def['fn']);
      return name === undefined || def['when'] !== undefined ? { c: 'opaque' } : { c: 'refine', fn: name };
    }
    default:
      return { c: 'opaque' };
  }
}

function planOf(schema: unknown): Plan {
  const def = defOf(schema);
  const checks = ((def['checks'] as unknown[] | undefined) ?? []).map(checkOf);
  const inner = () => planOf(def['innerType']);
  switch (def['type']) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'unknown':
      return def['coerce'] === true ? { t: 'opaque' } : { t: def['type'], checks };
    case 'enum':
      return { t: 'enum', values: Object.values(def['entries'] as Record<string, string | number>), checks };
    case 'literal':
      return { t: 'literal', values: def['values'] as (string | number | boolean | null)[], checks };
    case 'object': {
      const catchall = def['catchall'] === undefined ? undefined : defOf(def['catchall'])['type'];
      if (catchall !== undefined && catchall !== 'never') return { t: 'opaque' };
      const shape = Object.fromEntries(
        Object.entries(def['shape'] as Record<string, unknown>).map(([k, v]) => [k, planOf(v)]),
      );
      return { t: 'object', shape, strict: catchall === 'never', checks };
    }
    case 'record':
      return def['mode'] === 'loose'
        ? { t: 'opaque' }
        : {
            t: 'record',
            key: planOf(def['keyType']),
            value: planOf(def['valueType']),
            partial: def['partial'] === true,
            checks,
          };
    case 'array':
      return { t: 'array', element: planOf(def['element']), checks };
    case 'union': {
      const options = (def['options'] as unknown[]).map(planOf);
      const key = def['discriminator'];
      // A discriminated union picks the option its key names: the first that takes the value, when
      // every option requires its own literal there. z.xor (exactly one option) is left to zod.
      const discriminated =
        typeof key === 'string' &&
        options.every((o) => o.t === 'object' && o.shape[key]?.t === 'literal') &&
        def['unionFallback'] !== true;
      return def['inclusive'] === false && !discriminated ? { t: 'opaque' } : { t: 'union', options, checks };
    }
    case 'pipe':
      return { t: 'pipe', in: planOf(def['in']), out: planOf(def['out']), checks };
    case 'transform': {
      const name = nameOf(def['transform']);
      return name === undefined ? { t: 'opaque' } : { t: 'transform', fn: name, checks };
    }
    case 'optional':
    case 'nullable':
      return { t: def['type'], inner: inner(), checks };
    case 'default':
    case 'prefault':
      return { t: def['type'], inner: inner(), value: jsonValue(def['defaultValue']), checks };
    default:
      return { t: 'opaque' };
  }
}

/** The plan of each schema, by name. */
export function plansOf(schemas: Readonly<Record<string, z.ZodType>>): Record<string, Plan> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, planOf(schema)]));
}

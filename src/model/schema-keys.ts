/**
 * The keys an object at a path of a zod schema may have, read from the schema
 * itself, for "did you mean": a new setting is offered as soon as the schema
 * accepts it. The reader looks past defaults, optionals and pipes, into
 * records, lists and unions; a schema that checks its value in a function of
 * its own (a lot plan picks its schema by the value) says with `readsAs` which
 * schemas that function checks by. No I/O.
 */
import type { z } from 'zod';

type Schema = z.core.$ZodType;

/** The parts of a zod definition that say what a value at a path may hold. */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly out?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
  readonly entries?: Readonly<Record<string, string | number>>;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as SchemaDef;

/** The schemas a function-checked schema checks by (`readsAs`); weak, as zod's own registries, so a schema is not kept alive. */
const checkedBy = new WeakMap<Schema, () => readonly Schema[]>();

/** `schema`, marked as checked by `schemas` (built on first use), which the key reader reads instead. */
export function readsAs<T extends Schema>(schema: T, schemas: () => readonly Schema[]): T {
  checkedBy.set(schema, schemas);
  return schema;
}

/**
 * The schemas that check a value: past defaults, optionals and nullables, to
 * the checking side of a pipe (the input of `.transform`, the output of
 * `z.preprocess`), into every option of a union and the schemas of `readsAs`.
 */
function checkers(schema: Schema): Schema[] {
  const declared = checkedBy.get(schema);
  if (declared !== undefined) return declared().flatMap(checkers);
  const def = defOf(schema);
  if (def.innerType !== undefined) return checkers(def.innerType);
  if (def.type === 'pipe' && def.in !== undefined && def.out !== undefined)
    return checkers(defOf(def.in).type === 'transform' ? def.out : def.in);
  if (def.type === 'union') return (def.options ?? []).flatMap(checkers);
  return [schema];
}

/** The schema of the value at `key` inside a value checked by `schema`, or undefined. */
function inside(schema: Schema, key: PropertyKey): Schema | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape?.[String(key)];
  if (def.type === 'record') return def.valueType;
  return def.type === 'array' ? def.element : undefined;
}

/** The keys a value checked by `schema` may have: an object's, or a record's when they are a list (an enum). */
function keysOf(schema: Schema): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type !== 'record' || def.keyType === undefined) return [];
  return checkers(def.keyType).flatMap((key) =>
    Object.values(defOf(key).entries ?? {}).filter((k): k is string => typeof k === 'string'),
  );
}

/** The keys an object at `path` inside `schema` may have; empty when the schema does not list them. */
export function keysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let at = checkers(schema);
  for (const key of path)
    at = at.flatMap((s) => {
      const next = inside(s, key);
      return next === undefined ? [] : checkers(next);
    });
  return [...new Set(at.flatMap(keysOf))];
}

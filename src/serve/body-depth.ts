/**
 * Request bodies nested deeper than any workbench request, refused with 400 before a
 * route walks them: a body of 20,000 `[` (well under the 1 MB limit) overflowed the
 * stack of the answers' cache key (a 500 "Maximum call stack size exceeded").
 */
import type { FastifyInstance } from 'fastify';

/** Levels of `{…}` and `[…]` a body may nest: a workbench request needs 3, so room to spare. */
const bodyDepthLimit = 16;

/** Whether `value` nests objects and arrays more than `limit` levels deep; walked without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > limit) return true;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

export function refuseDeepBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (nestsDeeperThan(request.body, bodyDepthLimit))
      return reply.code(400).send({
        error: `the request body nests {…} and […] more than ${bodyDepthLimit} levels deep: a workbench request nests 3 ({"lots": {"standard": {"leadShare": 0.8}}})`,
      });
  });
}

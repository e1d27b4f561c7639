/**
 * applyOverrides that remembers the scenario its last variant's overrides
 * other than the award rules and name made, and applies only those two to
 * it when the next variant shares the rest (a batch chunk's neighbours,
 * compare/batch-chunks.ts). The award and name steps read and write nothing
 * but their own fields, so the scenario is the same as applyOverrides
 * makes; what changes is that its other parts are the very same objects,
 * so the lots made from them can be reused (lots/tender-lots-memo.ts).
 */
import type { Scenario } from '../model/types.js';
import { applyOverrides, sharedOverrides } from './overrides.js';
import type { Overrides } from './overrides-schema.js';

/** A worker's applyOverrides that remembers the scenario of its last variant's other overrides. */
export function rememberingOverrides(): (base: Scenario, overrides: Overrides) => Scenario | string {
  let last: { readonly base: Scenario; readonly key: string; readonly scenario: Scenario } | null = null;
  return (base, overrides) => {
    const { own, rest, key } = sharedOverrides(overrides);
    if (last === null || last.base !== base || last.key !== key) {
      const scenario = applyOverrides(base, rest);
      // A mistake is worded as the whole set of overrides words it (the first step to fail).
      if (typeof scenario === 'string') return applyOverrides(base, overrides);
      last = { base, key, scenario };
    }
    return applyOverrides(last.scenario, own);
  };
}

/**
 * `framework`: up to `maxProviders` providers share the lot, each serving
 * hours in the areas it covers (optionally at least `minShare` of the lot).
 */
import { z } from 'zod';
import { frameworkMembersDoNotFit, isMissing } from '../diagnostics/messages.js';
import { jsonLimits, share } from '../model/json-limits.js';
import { once } from '../model/once.js';
import { named } from '../model/plan-functions.js';
import { percent, type Structure } from './structure.js';

const settingsRule = named(
  'framework settings',
  (s: { maxProviders?: number | undefined; minShare?: number | undefined }, ctx: z.RefinementCtx) => {
    if (s.maxProviders === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['maxProviders'],
        message: isMissing('a framework needs maxProviders, e.g. 4'),
      });
    return { maxProviders: s.maxProviders ?? 1, minShare: s.minShare ?? 0 };
  },
);

/** How many members can each take `minShare` of a lot (all of them when it is 0). */
const membersThatFit = (maxProviders: number, minShare: number) =>
  minShare > 0 ? Math.min(maxProviders, Math.floor((1 + 1e-9) / minShare)) : maxProviders;

export const framework: Structure<'framework'> = {
  kind: 'framework',
  keys: ['maxProviders', 'minShare'],
  settings: once(() =>
    z
      .object({
        maxProviders: z
          .number()
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(jsonLimits.frameworkProviders, `must be at most ${jsonLimits.frameworkProviders}`)
          .optional(),
        minShare: share(z.number().min(0, 'must be at least 0').lt(1, 'must be less than 1')).optional(),
      })
      .transform(settingsRule),
  ),
  meanings: {
    maxProviders: 'framework only: most providers in the lot',
    minShare: "framework only: least share of the lot's hours each provider takes",
  },
  fill: 'places',
  roles: () => [],
  holders: { member: ['any', 'lead'] },
  places: (s) => ({ maxProviders: s.maxProviders, minShare: s.minShare }),
  backups: () => false,
  risks: ['cherryPicking'],
  warnings: (s, careType) => {
    const fit = membersThatFit(s.maxProviders, s.minShare);
    return fit < s.maxProviders
      ? [
          {
            key: 'maxProviders',
            message: frameworkMembersDoNotFit(careType, s.maxProviders, s.minShare, fit),
          },
        ]
      : [];
  },
  toJson: (s) => ({ maxProviders: s.maxProviders, ...(s.minShare > 0 ? { minShare: s.minShare } : {}) }),
  // minShare changes the award, so it shows wherever the lot is described (until 2026-12-02 it did not).
  describe: (s) =>
    `framework (max ${s.maxProviders}${s.minShare > 0 ? `, each at least ${Number((100 * s.minShare).toFixed(1))}%` : ''})`,
  label: (s) =>
    `framework (up to ${s.maxProviders}${s.minShare > 0 ? `, each at least ${percent(s.minShare)}` : ''})`,
  // Its options are in the standard set, in the order the issue lists them.
  compareOptions: [],
  // minShare's range is checked where scenario.json's is (settings above): the page sends it, the server says what is wrong.
  inputs: [
    { key: 'maxProviders', label: 'most providers', start: 3, min: 1, max: 20, step: 1 },
    {
      key: 'minShare',
      label: 'least share each member takes',
      start: 0,
      min: 0,
      max: 0.95,
      step: 0.05,
      whenLeftOut: 0,
    },
  ],
};

/** `lead-secondary`: a lead provider takes `leadShare` of the lot's hours and a different secondary the rest. */
import { z } from 'zod';
import { share } from '../model/json-limits.js';
import { once } from '../model/once.js';
import { named } from '../model/plan-functions.js';
import { checkShare, percent, type Structure } from './structure.js';

const leadShareIsRight = (share: number) => share >= 0.5 && share < 1;

const leadSettings = named(
  'lead-secondary settings',
  (s: { leadShare?: number | undefined }, ctx: z.RefinementCtx) => {
    checkShare(
      ctx,
      'leadShare',
      s.leadShare,
      leadShareIsRight,
      'lead-secondary needs leadShare, e.g. 0.8 for 80/20 or 0.5 for an even split',
      'it must be at least 0.5 and less than 1 (0.8 means 80/20)',
    );
    return { leadShare: s.leadShare ?? 0.8 };
  },
);

export const leadSecondary: Structure<'lead-secondary'> = {
  kind: 'lead-secondary',
  keys: ['leadShare'],
  settings: once(() => z.object({ leadShare: share(z.number()).optional() }).transform(leadSettings)),
  meanings: { leadShare: "lead-secondary only: the lead's share, 0.5 to below 1 (80% = 0.8)" },
  fill: 'roles',
  roles: (s) => [
    { role: 'lead', slot: 'lead', share: s.leadShare },
    { role: 'secondary', slot: 'secondary', share: 1 - s.leadShare },
  ],
  holders: { lead: ['any', 'lead'], secondary: ['any', 'secondary'] },
  places: () => ({ maxProviders: 1, minShare: 0 }),
  backups: () => false,
  risks: [],
  toJson: (s) => ({ leadShare: s.leadShare }),
  describe: (s) => `${Math.round(s.leadShare * 100)}/${Math.round((1 - s.leadShare) * 100)}`,
  label: (s) => `lead-secondary (lead ${percent(s.leadShare)})`,
  // Its options are in the standard set, in the order the issue lists them.
  compareOptions: [],
  inputs: [{ key: 'leadShare', label: 'lead share', start: 0.8, min: 0.5, max: 0.95, step: 0.05 }],
};

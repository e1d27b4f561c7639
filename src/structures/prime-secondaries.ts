/**
 * `prime-secondaries` (Worcestershire's model): a prime provider takes
 * `primeShare` of the lot's hours and `secondaries` secondary providers share
 * the rest equally; every role is held by a different provider.
 */
import { z } from 'zod';
import { share } from '../model/json-limits.js';
import { once } from '../model/once.js';
import { named } from '../model/plan-functions.js';
import { checkShare, percent, type Structure } from './structure.js';
import { counted } from '../model/counted.js';

/** Most secondary providers per lot (Worcestershire: up to two). */
const maxSecondaries = 2;

/** A prime's share: below 1 and at least each secondary's. */
const primeShareIsRight = (p: number, secondaries: number) =>
  p > 0 && p < 1 && p >= (1 - p) / secondaries - 1e-12;

const secondaryShare = (s: { primeShare: number; secondaries: number }) => (1 - s.primeShare) / s.secondaries;

const settingsRule = named(
  'prime-secondaries settings',
  (s: { primeShare?: number | undefined; secondaries: number }, ctx: z.RefinementCtx) => {
    checkShare(
      ctx,
      'primeShare',
      s.primeShare,
      (share) => primeShareIsRight(share, s.secondaries),
      "prime-secondaries needs primeShare, e.g. 0.6 for the prime's 60%",
      `it must be less than 1 and at least each secondary's share, ${s.secondaries === 1 ? '0.5 with one secondary' : `${(1 / (s.secondaries + 1)).toFixed(3)} with ${s.secondaries} secondaries`}`,
    );
    return { primeShare: s.primeShare ?? 0.6, secondaries: s.secondaries };
  },
);

export const primeSecondaries: Structure<'prime-secondaries'> = {
  kind: 'prime-secondaries',
  keys: ['primeShare', 'secondaries'],
  settings: once(() =>
    z
      .object({
        primeShare: share(z.number()).optional(),
        secondaries: z
          .number()
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(maxSecondaries, `must be at most ${maxSecondaries}`)
          .default(maxSecondaries),
      })
      .transform(settingsRule),
  ),
  meanings: {
    primeShare:
      "prime-secondaries only: the prime's share (60% = 0.6); the secondaries share the rest equally",
    secondaries: `prime-secondaries only: how many secondary providers, 1 to ${maxSecondaries} (${maxSecondaries})`,
  },
  fill: 'roles',
  roles: (s) => [
    { role: 'prime', slot: 'prime', share: s.primeShare },
    ...Array.from({ length: s.secondaries }, (_, i) => ({
      role: 'secondary' as const,
      slot: `secondary-${i + 1}`,
      share: secondaryShare(s),
    })),
  ],
  holders: { prime: ['any', 'lead'], secondary: ['any', 'secondary'] },
  places: () => ({ maxProviders: 1, minShare: 0 }),
  backups: () => false,
  risks: [],
  toJson: (s) => ({ primeShare: s.primeShare, secondaries: s.secondaries }),
  describe: (s) =>
    `prime ${[s.primeShare, ...Array<number>(s.secondaries).fill(secondaryShare(s))].map((x) => Math.round(x * 100)).join('/')}`,
  label: (s) =>
    `prime-secondaries (prime ${percent(s.primeShare)}, ${counted(s.secondaries, 'secondary', 'secondaries')} of ${percent(secondaryShare(s))})`,
  compareOptions: [
    {
      name: 'prime-60-20-20',
      label: 'prime and two secondaries per zone, 60/20/20',
      settings: { primeShare: 0.6, secondaries: 2 },
    },
  ],
  inputs: [
    { key: 'primeShare', label: 'prime share', start: 0.6, min: 0.35, max: 0.95, step: 0.05 },
    { key: 'secondaries', label: 'secondaries', start: maxSecondaries, min: 1, max: maxSecondaries, step: 1 },
  ],
};

/** `sole`: one provider takes every hour of the lot; optionally with named back-ups. */
import { z } from 'zod';
import { once } from '../model/once.js';
import type { Structure } from './structure.js';

export const sole: Structure<'sole'> = {
  kind: 'sole',
  keys: ['backup'],
  settings: once(() => z.object({ backup: z.boolean().default(false) })),
  meanings: { backup: 'sole only: TRUE names up to two back-up providers per lot' },
  fill: 'roles',
  roles: () => [{ role: 'sole', slot: 'sole', share: 1 }],
  holders: { sole: ['any', 'lead'] },
  places: () => ({ maxProviders: 1, minShare: 0 }),
  backups: (s) => s.backup,
  risks: [],
  toJson: (s) => (s.backup ? { backup: true } : {}),
  describe: (s) => `sole${s.backup ? '+backup' : ''}`,
  label: (s) => `sole${s.backup ? ', back-ups' : ''}`,
  // Its options are in the standard set, in the order the issue lists them.
  compareOptions: [],
  inputs: [],
};

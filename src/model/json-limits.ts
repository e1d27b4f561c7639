/**
 * Limits and share parsing shared by the scenario.json schema and the lot
 * structures' settings schemas (docs/hardening.md, "Limits").
 */
import { z } from 'zod';
import { shareText } from './number-text.js';
import { named } from './plan-functions.js';

/** Largest counts and penalties (docs/hardening.md, "Limits"). */
export const jsonLimits = {
  unmetPenaltyPerHour: 1_000_000,
  providers: 100_000,
  lots: 100_000,
  frameworkProviders: 1_000,
  zonings: 100,
} as const;

/** "80%" (text, as a spreadsheet or a person writes it) → the share 0.8; null for other text. */
export function percentShare(text: string): number | null {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$/.exec(text);
  // The decimal written, moved two places ("0.7%" is 0.007): dividing by 100 gave 0.006999999999999999.
  return m === null ? null : Number(`${m[1]}e-2`);
}

/** "80%" is the share 0.8; other text is a mistake, said once (with its decimal comma, if it has one). */
const percentText = named('percentText', (value: unknown, ctx: z.core.ParsePayload): unknown => {
  if (typeof value !== 'string') return value;
  const share = percentShare(value);
  if (share !== null) return share;
  ctx.issues.push({ code: 'custom', message: shareText(value), input: value });
  return z.NEVER;
});

/** A share (0.8, or "80%"); anything else is told to give one. */
export const share = (schema: z.ZodNumber) => z.preprocess(percentText, schema);

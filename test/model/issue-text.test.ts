import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from '../../src/model/issue-text.js';

const messageFor = (schema: z.ZodType, value: unknown): string => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return issueMessage(parsed.error.issues[0] as Parameters<typeof issueMessage>[0]);
};

describe("a schema complaint in zonal's words", () => {
  it('words the range checks a schema left to zod, inclusive or not', () => {
    expect(messageFor(z.number().min(0), -1)).toBe('must be at least 0');
    expect(messageFor(z.number().gt(0), 0)).toBe('must be more than 0');
    expect(messageFor(z.number().max(100), 101)).toBe('must be at most 100');
    expect(messageFor(z.number().lt(1), 1)).toBe('must be less than 1');
  });

  it("keeps a schema's own words, and says text is not a number", () => {
    expect(messageFor(z.number().min(0, 'must not be negative'), -1)).toBe('must not be negative');
    expect(messageFor(z.number(), 'ten')).toBe('must be a number, not text');
  });
});

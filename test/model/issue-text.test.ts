import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, withKnownKeys } from '../../src/model/issue-text.js';

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

  it('words a wrong or missing kind of value, not "Invalid input: expected boolean, received string"', () => {
    expect(messageFor(z.boolean(), 'yes')).toBe('must be true or false, not text');
    expect(messageFor(z.object({}), [])).toBe('must be an object ({…}), not a list ([…])');
    expect(messageFor(z.object({ name: z.string() }), {})).toBe('is missing: give it as text');
  });

  it('words an unknown key, with the key probably meant when the schema is known', () => {
    const schema = z.strictObject({ maxShare: z.number().optional() });
    const parsed = schema.safeParse({ maxShar: 1 });
    if (parsed.success) throw new Error('accepted');
    const issue = parsed.error.issues[0] as Parameters<typeof issueMessage>[0];
    expect(issueMessage(issue)).toBe('has an unknown key "maxShar": remove it or correct its name');
    expect(issueMessage(withKnownKeys(schema, issue))).toBe(
      'has an unknown key "maxShar" (did you mean "maxShare"?): remove it or correct its name',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { backupsCouldTakeOver } from '../../src/diagnostics/messages.js';

/** A back-up whose spare is all it could take over (no bid limits it). */
const backup = (hours: number) => ({
  providerId: 'P2',
  spare: hours,
  caps: [],
  partial: false,
  hours,
  lead: 'P1',
  leadHours: 100,
});

describe('what a back-up could take over, in words', () => {
  it('says "all" only when it could take over every hour, not when 99.6 rounds to 100 (review16)', () => {
    // The score gave 99.6 of 100 partial credit while the reason said "could take over all 100".
    expect(backupsCouldTakeOver([backup(99.6)])).toBe(
      'back-up P2 could take over 99.6 of the 100 h/week (99.6 h/week spare) if P1 failed (a back-up counts in full only if it could take over all of them)',
    );
    expect(backupsCouldTakeOver([backup(100)])).toBe(
      'back-up P2 could take over all 100 h/week if P1 failed',
    );
    expect(backupsCouldTakeOver([backup(40)])).toBe(
      'back-up P2 could take over 40 of the 100 h/week (40 h/week spare) if P1 failed (a back-up counts in full only if it could take over all of them)',
    );
  });
});

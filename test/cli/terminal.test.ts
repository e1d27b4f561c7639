import { describe, expect, test } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal.js';

describe('terminalSafe', () => {
  test('escapes terminal escapes, NUL, bell, DEL and C1 controls; keeps line breaks, tabs and other text', () => {
    expect(terminalSafe('a\u001b[2Jb\u0000c\u0007d\u007fe\u009bf')).toBe(
      'a\\u001b[2Jb\\u0000c\\u0007d\\u007fe\\u009bf',
    );
    expect(terminalSafe('line 1\n\tline 2 £12.50 café')).toBe('line 1\n\tline 2 £12.50 café');
    expect(terminalSafe('a\rb')).toBe('a\\u000db');
  });
});

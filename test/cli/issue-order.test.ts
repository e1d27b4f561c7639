/**
 * Bad-input messages are printed errors first, then warnings, each by file
 * (and sheet) by code point, then by line, whatever order they were found in.
 */
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { printIssues } from '../../src/cli/exit.js';
import type { Issue } from '../../src/diagnostics/issues.js';

function printed(issues: readonly Issue[]): string[] {
  const lines: string[] = [];
  const to = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trimEnd().split('\n'));
      done();
    },
  });
  printIssues(issues, to);
  return lines.map((l) => l.split(':').slice(0, 2).join(':'));
}

const issue = (file: string, line: number, severity: Issue['severity'] = 'error'): Issue => ({
  severity,
  file,
  line,
  message: 'wrong',
});

describe('printIssues', () => {
  test('prints errors then warnings, each by file by code point (capitals first), then by line', () => {
    expect(
      printed([
        issue('bids.csv', 9),
        issue('demand.csv', 1, 'warning'),
        issue('Areas.csv', 3),
        issue('bids.csv', 2),
        issue('areas.csv', 1),
      ]),
    ).toEqual(['Areas.csv:3', 'areas.csv:1', 'bids.csv:2', 'bids.csv:9', 'demand.csv:1']);
  });
});

/**
 * Whether a scenario (a folder, with its subfolders, or a workbook) holds at
 * most `limit` bytes. Stops counting once past the limit, so a national
 * scenario costs a few calls. A scenario that cannot be read counts as large
 * (the solve then says why). Synchronous: called once, as `zonal solve` starts.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function scenarioWithin(scenario: string, limit: number): boolean {
  let total = 0;
  const add = (entry: string): boolean => {
    const stat = lstatSync(entry); // links are not followed, so no loop
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) if (!add(path.join(entry, name))) return false;
    } else total += stat.size;
    return total <= limit;
  };
  try {
    return add(scenario);
  } catch {
    return false;
  }
}

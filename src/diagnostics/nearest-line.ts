/**
 * Where a message about a key path goes: the line of the path, else of the
 * nearest object that holds it. A key left out has no line of its own, and
 * its message belongs at the object that misses it. One rule for every
 * settings file: scenario.json, a workbook's settings sheet, a batch file.
 */

/** The line (or a sheet's row) of a key path, or null when the path has none of its own. */
export type LineOf = (path: readonly PropertyKey[]) => number | null;

/** `line`, falling back to the line of the nearest object that holds the path. */
export function nearestLine(line: LineOf): LineOf {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const found = line(path.slice(0, n));
      if (found !== null) return found;
    }
    return null;
  };
}

/**
 * An id typed in other capitals than where it is defined ("n1" for "N1",
 * "p-alder" for "P-ALDER"): ids are exact (DESIGN.md section 3), so the
 * reference is unknown, and its message names the id it most likely meant.
 * The lower-case map is made on the first unknown reference only.
 */
export type MeantId = (typed: string) => string | null;

export function meantId(ids: Iterable<string>): MeantId {
  let byLower: Map<string, string> | null = null;
  return (typed) => {
    if (byLower === null) {
      byLower = new Map();
      for (const id of ids) if (!byLower.has(id.toLowerCase())) byLower.set(id.toLowerCase(), id);
    }
    const meant = byLower.get(typed.toLowerCase());
    return meant === undefined || meant === typed ? null : meant;
  };
}

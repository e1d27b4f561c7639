/**
 * A schema complaint as a person reads it: where it is (a dotted path, after
 * the names of what holds it) and what is wrong. A complaint about the whole
 * value has no path, so it reads as the message alone, with no stray space or dot.
 */
export function issueText(
  issue: { readonly path: readonly PropertyKey[]; readonly message: string },
  ...within: readonly string[]
): string {
  const where = [...within, ...issue.path.map(String)].join('.');
  return where === '' ? issue.message : `${where} ${issue.message}`;
}

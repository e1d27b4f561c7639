/**
 * `~` in a path the shell did not expand: a path in quotes (`--out "~/My
 * results"`, needed for the space) keeps its `~`, and zonal read it as a
 * folder named `~` in the current folder: a scenario there was "not a scenario
 * folder", and `--out "~/results"` wrote into `./~/results`. A word that is `~`
 * or starts with `~/` (alone or after `--flag=`) means the home folder, as
 * the shell would have read it without the quotes.
 */
import path from 'node:path';

const homeWord = /^(--[\w-]+=)?~(?=\/|$)/;

export function expandHome(argv: readonly string[], home: string): string[] {
  return argv.map((word) => {
    const m = homeWord.exec(word);
    if (m === null) return word;
    const flag = m[1] ?? '';
    return `${flag}${path.join(home, word.slice(m[0].length))}`;
  });
}

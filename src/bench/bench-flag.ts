/** The value after a flag on a bench command line (`--sizes L,XL`), or undefined when the flag is not given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The flags a bench's usage line names (`npm run bench:zones [-- --seeds 5 --out FILE]`: --seeds, --out). */
const flagsIn = (usage: string): string[] =>
  [...usage.matchAll(/ (--[a-z][a-z-]*)/g)].map((m) => m[1] as string);

/**
 * What is wrong with a bench's command line, or null: each token must be a flag its usage line
 * names, followed by a value.
 */
export function benchFlagProblem(argv: readonly string[], usage: string): string | null {
  const flags = flagsIn(usage);
  for (let i = 0; i < argv.length; i += 2) {
    const token = argv[i] as string;
    if (!flags.includes(token))
      return token.startsWith('-')
        ? `unknown flag ${token}: this bench takes ${flags.join(', ')}`
        : `unexpected "${token}": give each value after its flag`;
    if (argv[i + 1] === undefined) return `${token} needs a value`;
  }
  return null;
}

/**
 * A bench's command line checked before anything runs: `--help` or `-h` prints the usage line
 * and ends the process, and a mistake in it is told with the usage line, exit code 2. A bench
 * runs for minutes and writes its results file: until 2026-12-03 `npm run bench -- --help` ran
 * the whole bench, and a mistyped flag was ignored.
 */
export function checkBenchFlags(argv: readonly string[], usage: string): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  const problem = benchFlagProblem(argv, usage);
  if (problem !== null) refuseBenchFlags(problem, usage);
}

/** A mistake in a bench's command line, told with its usage line: exit code 2, before anything runs. */
export function refuseBenchFlags(problem: string, usage: string): never {
  process.stderr.write(`${problem}\nusage: ${usage}\n`);
  process.exit(2);
}

/** The value after a flag on a bench command line (`--sizes L,XL`), or undefined when the flag is not given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

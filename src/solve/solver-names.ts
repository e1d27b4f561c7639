/** The solver backends `--solver` accepts (src/cli/backends.ts maps them to adapters). */
export const solverNames = ['highs', 'jslp', 'cbc'] as const;

/**
 * The names of the work files and folders a write keeps in an output folder
 * (io/write-outputs.ts): every one starts with `.zonal-`, so no result file can be
 * taken for one. A module of its own, with no imports, so that checking a name
 * (cli/file-flags.ts, on every command's start) loads nothing else.
 */
export const workPrefix = '.zonal-';

/** Whether `name` is one of a write's work files (never a result's name). */
export const isWorkFileName = (name: string): boolean => name.startsWith(workPrefix);

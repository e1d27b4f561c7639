/**
 * What the page reads of each lot structure from `GET /api/scenario`: its
 * number settings. The server's side is src/structures/structure.ts; the page
 * is compiled on its own (tsconfig.web.json) and cannot import it, so
 * test/serve/api.test.ts checks that what the server sends fits this.
 */

/** One number setting of a structure, with the value a new lot starts from. */
export interface StructureInput {
  readonly key: string;
  readonly label: string;
  readonly start: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /**
   * What scenario.json means when it leaves the setting out (a framework's `minShare`: 0, none),
   * for an optional setting: the page sends no key for it, so a lot set back to it is the scenario's own.
   */
  readonly whenLeftOut?: number;
}

/** Each structure's number settings, by structure name, in the server's order. */
export type StructureInputs = Readonly<Record<string, readonly StructureInput[]>>;

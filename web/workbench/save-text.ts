/**
 * What the page says of a save: the server's answer to POST /api/zonings,
 * in words.
 */

/** The server's answer to a save (POST /api/zonings). */
export interface SaveReply {
  readonly file?: string;
  readonly zones?: Readonly<Record<string, string>>;
  readonly error?: string;
  readonly renamed?: Record<string, string>;
  readonly addedTo?: string;
  /** On 409: true when saving again with `overwrite` replaces the zoning of that name (one the workbench saved, unchanged since). */
  readonly replaceable?: boolean;
}

/** What the page says of a save that went through: where it went, zones renamed, and the lot and rule changes left out. */
export function savedText(body: SaveReply, name: string, unsaved: readonly string[]): string {
  const renamed = Object.entries(body.renamed ?? {}).map(([a, b]) => `${a} → ${b}`);
  const file = body.file ?? name;
  const where =
    body.addedTo === 'beside the workbook'
      ? `Saved as ${file} beside the workbook, which zonal never changes: copy it into the workbook as a sheet named ${file.replace(/\.csv$/, '')}.`
      : `Saved as ${file} and added to scenario.json.`;
  return `${where}${renamed.length === 0 ? '' : ` Zones whose areas differ from another zoning's zone of the same id were renamed: ${renamed.join(', ')}.`}${
    unsaved.length === 0
      ? ''
      : ` Only the zones are saved: zonal solve --zoning ${name} uses scenario.json's lots and award rules, not your changes to them (${unsaved.join('; ')}); copy those into scenario.json to keep them.`
  }`;
}

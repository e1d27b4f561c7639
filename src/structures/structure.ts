/**
 * What a lot structure is (sole, lead-secondary, framework, …): one module per
 * structure implements this, and the table in index.ts lists them all. Every
 * other part of the engine asks the table; none tests a structure's name.
 * How to add one: docs/structures.md.
 */
import type { z } from 'zod';
import { isMissing, shareAsPercent } from '../diagnostics/messages.js';
import type { BidRole, LotRole, LotStructure, RoleName, StructureSettings } from '../model/types.js';

/** Risk components only some structures carry (src/scoring/risk.ts computes them). */
export type StructureRisk = 'cherryPicking';

export interface Structure<K extends LotStructure> {
  readonly kind: K;
  /** scenario.json keys of a lot entry that hold this structure's settings. */
  readonly keys: readonly string[];
  /**
   * The settings from those keys (the others are taken out first), checked and
   * completed with defaults; every problem names its key as the issue's path.
   * Built on first use (`once`): a valid scenario is read without it
   * (model/settings-plan.ts); its functions are `named`, for the plan.
   */
  readonly settings: () => z.ZodType<StructureSettings[K]>;
  /** What each key means, for the workbook's settings sheet. */
  readonly meanings: Readonly<Record<string, string>>;
  /**
   * How the award program fills a lot (src/solve/build-program.ts):
   * `roles`: each role is held by one offer covering every area of the lot, one provider per role;
   * `places`: up to `maxProviders` offers each serve hours in the areas they cover.
   */
  readonly fill: 'roles' | 'places';
  /** The lot's roles and their shares of its hours (empty for `places`). */
  roles(settings: StructureSettings[K]): readonly LotRole[];
  /** Bid roles (bids.csv `role`) that may hold each role of this structure. */
  readonly holders: { readonly [R in RoleName]?: readonly BidRole[] };
  /** Framework places: most providers, and the least share of the lot's hours each takes. */
  places(settings: StructureSettings[K]): { readonly maxProviders: number; readonly minShare: number };
  /** True when the award names back-up providers for the lot (after the solve). */
  backups(settings: StructureSettings[K]): boolean;
  /** Risk components the lot carries beyond the common ones. */
  readonly risks: readonly StructureRisk[];
  /**
   * Settings each valid alone that cannot all hold together (a framework of 4 places whose
   * members must each take 30%): the key to warn at and why. scenario.json warns at the key's
   * line; a batch or compare override that sets them is refused with the same message.
   */
  warnings?(settings: StructureSettings[K], careType: string): readonly SettingWarning[];
  /** The settings as scenario.json writes them (defaults the schema would fill may be left out). */
  toJson(settings: StructureSettings[K]): Readonly<Record<string, unknown>>;
  /** A few words for option tables, after "per zone" or "county": `80/20`, `sole+backup`. */
  describe(settings: StructureSettings[K]): string;
  /** The structure with its settings for the report: `lead-secondary (lead 80%)`. */
  label(settings: StructureSettings[K]): string;
  /**
   * Options this structure adds to `zonal compare --options` and batch files
   * (src/compare/options.ts): standard care per zone in this structure with
   * these settings, complex and reablement care county-wide sole. The default
   * comparison stays the standard set, so its figures do not move.
   */
  readonly compareOptions: readonly StructureOption<K>[];
  /** The number settings the workbench (`zonal serve`) offers for it, with the value a new lot starts from. */
  readonly inputs: readonly StructureInput[];
}

/** A setting (its scenario.json key) and what is wrong with it beside the others. */
export interface SettingWarning {
  readonly key: string;
  readonly message: string;
}

/** One number setting as the workbench shows it (the page reads it as web/workbench/structure-inputs.ts). */
interface StructureInput {
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

/** A named whole-award option of `zonal compare` that a structure contributes. */
interface StructureOption<K extends LotStructure> {
  readonly name: string;
  readonly label: string;
  readonly settings: StructureSettings[K];
}

/**
 * A structure's share setting `key` checked: an issue when it is missing (`missing`: how to give it)
 * or is not right (`wrong`: what it must be, worded by the structure, as its messages stay in its file).
 */
export function checkShare(
  ctx: z.RefinementCtx,
  key: string,
  value: number | undefined,
  isRight: (share: number) => boolean,
  missing: string,
  wrong: string,
): void {
  if (value === undefined) ctx.addIssue({ code: 'custom', path: [key], message: isMissing(missing) });
  else if (!isRight(value))
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `is ${value}: ${wrong}${shareAsPercent(value, isRight)}`,
    });
}

/** A share as the report writes it: 0.8 → "80.0%". */
export const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

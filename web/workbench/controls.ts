/**
 * The lot-structure and award-rule controls. Built once; `sync` puts a
 * draft's values back into them (after undo, redo or reset) without
 * rebuilding, so keyboard focus stays where it was.
 */
import { awardRules, type AwardRule } from './award-rules.js';
import type { Draft, Json, LotEntry } from './draft.js';
import { el } from './dom.js';
import type { StructureInput, StructureInputs } from './structure-inputs.js';

export interface ControlEvents {
  readonly lot: (careType: string, entry: LotEntry) => void;
  readonly rule: (rule: string, value: Json) => void;
}

interface SettingInput {
  readonly structure: string;
  readonly setting: StructureInput;
  readonly input: HTMLInputElement;
  readonly label: HTMLElement;
}

interface LotInputs {
  readonly geography: HTMLSelectElement;
  readonly structure: HTMLSelectElement;
  readonly settings: readonly SettingInput[];
}

/** `leadShare` → `lead-share`, for element ids. */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const options = (values: readonly string[]) => values.map((v) => el('option', { value: v }, v));

function number(id: string, attrs: Readonly<Record<string, string>>): HTMLInputElement {
  return el('input', { id, type: 'number', ...attrs });
}

export class Controls {
  readonly #lots = new Map<string, LotInputs>();
  readonly #rules = new Map<string, HTMLInputElement>();

  constructor(
    lotRoot: HTMLElement,
    ruleRoot: HTMLElement,
    draft: Draft,
    private readonly structures: StructureInputs,
    private readonly events: ControlEvents,
  ) {
    for (const [careType, entry] of Object.entries(draft.lots)) {
      if ('merge' in entry) {
        lotRoot.append(el('p', { class: 'hint' }, `${careType}: merged into ${String(entry['merge'])} lots`));
        continue;
      }
      const inputs: LotInputs = {
        geography: el('select', { id: `lot-${careType}-geography` }, ...options(['zone', 'county'])),
        structure: el('select', { id: `lot-${careType}-structure` }, ...options(Object.keys(structures))),
        settings: Object.entries(structures).flatMap(([structure, settings]) =>
          settings.map((setting) => {
            const input = number(`lot-${careType}-${kebab(setting.key)}`, {
              min: String(setting.min),
              max: String(setting.max),
              step: String(setting.step),
            });
            const label = el('label', {}, `${setting.label} `, input);
            return { structure, setting, input, label };
          }),
        ),
      };
      for (const input of [inputs.geography, inputs.structure, ...inputs.settings.map((s) => s.input)])
        input.addEventListener('change', () => this.#lotChanged(careType, inputs));
      lotRoot.append(
        el(
          'div',
          { class: 'lot-row' },
          el('strong', {}, careType),
          ' ',
          el('label', {}, 'by ', inputs.geography),
          el('label', {}, 'structure ', inputs.structure),
          ...inputs.settings.map((s) => s.label),
        ),
      );
      this.#lots.set(careType, inputs);
    }
    for (const rule of awardRules) this.#rule(ruleRoot, rule);
    this.sync(draft);
  }

  #rule(root: HTMLElement, { key: rule, label, attrs }: AwardRule): void {
    const input = number(`rule-${rule}`, attrs);
    input.addEventListener('change', () => {
      const v = input.value.trim();
      this.events.rule(rule, v === '' && rule === 'maxLotsPerProvider' ? null : Number(v));
    });
    root.append(el('label', { class: 'rule' }, `${label} `, input), el('br'));
    this.#rules.set(rule, input);
  }

  #lotChanged(careType: string, inputs: LotInputs): void {
    const structure = inputs.structure.value;
    const entry: Record<string, Json> = { geography: inputs.geography.value, structure };
    for (const { structure: owner, setting, input } of inputs.settings) {
      const value = Number(input.value || String(setting.start));
      if (owner === structure && value !== setting.whenLeftOut) entry[setting.key] = value;
    }
    this.events.lot(careType, entry);
  }

  sync(draft: Draft): void {
    for (const [careType, inputs] of this.#lots) {
      const entry = draft.lots[careType] ?? {};
      inputs.geography.value = String(entry['geography'] ?? 'zone');
      inputs.structure.value = String(entry['structure'] ?? Object.keys(this.structures)[0] ?? '');
      for (const { structure, setting, input, label } of inputs.settings) {
        const mine = structure === inputs.structure.value;
        input.value = String(mine ? (entry[setting.key] ?? setting.start) : setting.start);
        label.hidden = !mine;
      }
    }
    for (const [rule, input] of this.#rules) {
      const v = draft.award[rule];
      input.value = v === null || v === undefined ? '' : String(v);
    }
  }
}

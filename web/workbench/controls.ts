/**
 * The lot-structure and award-rule controls. Built once; `sync` puts a
 * draft's values back into them (after undo, redo or reset) without
 * rebuilding, so keyboard focus stays where it was.
 */
import type { Draft, Json, LotEntry } from './draft.js';
import { el } from './dom.js';

const structures = ['sole', 'lead-secondary', 'framework'] as const;

export interface ControlEvents {
  readonly lot: (careType: string, entry: LotEntry) => void;
  readonly rule: (rule: string, value: Json) => void;
}

interface LotInputs {
  readonly geography: HTMLSelectElement;
  readonly structure: HTMLSelectElement;
  readonly leadShare: HTMLInputElement;
  readonly maxProviders: HTMLInputElement;
  readonly shareLabel: HTMLElement;
  readonly providersLabel: HTMLElement;
}

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
    private readonly events: ControlEvents,
  ) {
    for (const [careType, entry] of Object.entries(draft.lots)) {
      if ('merge' in entry) {
        lotRoot.append(el('p', { class: 'hint' }, `${careType}: merged into ${String(entry['merge'])} lots`));
        continue;
      }
      const inputs: LotInputs = {
        geography: el('select', { id: `lot-${careType}-geography` }, ...options(['zone', 'county'])),
        structure: el('select', { id: `lot-${careType}-structure` }, ...options(structures)),
        leadShare: number(`lot-${careType}-lead-share`, { min: '0.5', max: '0.95', step: '0.05' }),
        maxProviders: number(`lot-${careType}-max-providers`, { min: '1', max: '20', step: '1' }),
        shareLabel: el('label', {}),
        providersLabel: el('label', {}),
      };
      inputs.shareLabel.append('lead share ', inputs.leadShare);
      inputs.providersLabel.append('most providers ', inputs.maxProviders);
      for (const input of [inputs.geography, inputs.structure, inputs.leadShare, inputs.maxProviders])
        input.addEventListener('change', () => this.#lotChanged(careType, inputs));
      lotRoot.append(
        el(
          'div',
          { class: 'lot-row' },
          el('strong', {}, careType),
          ' ',
          el('label', {}, 'by ', inputs.geography),
          el('label', {}, 'structure ', inputs.structure),
          inputs.shareLabel,
          inputs.providersLabel,
        ),
      );
      this.#lots.set(careType, inputs);
    }
    this.#rule(ruleRoot, 'maxShareOfTotalHours', 'largest share of all hours one provider may hold (0-1)', {
      min: '0.05',
      max: '1',
      step: '0.05',
    });
    this.#rule(ruleRoot, 'maxLotsPerProvider', 'most lots per provider (blank: no cap)', {
      min: '1',
      step: '1',
    });
    this.#rule(ruleRoot, 'minDistinctProviders', 'fewest different providers awarded', {
      min: '0',
      step: '1',
    });
    this.sync(draft);
  }

  #rule(root: HTMLElement, rule: string, text: string, attrs: Readonly<Record<string, string>>): void {
    const input = number(`rule-${rule}`, attrs);
    input.addEventListener('change', () => {
      const v = input.value.trim();
      this.events.rule(rule, v === '' && rule === 'maxLotsPerProvider' ? null : Number(v));
    });
    root.append(el('label', { class: 'rule' }, `${text} `, input), el('br'));
    this.#rules.set(rule, input);
  }

  #lotChanged(careType: string, inputs: LotInputs): void {
    const structure = inputs.structure.value;
    const entry: Record<string, Json> = { geography: inputs.geography.value, structure };
    if (structure === 'lead-secondary') entry['leadShare'] = Number(inputs.leadShare.value || '0.8');
    if (structure === 'framework') entry['maxProviders'] = Number(inputs.maxProviders.value || '3');
    this.events.lot(careType, entry);
  }

  sync(draft: Draft): void {
    for (const [careType, inputs] of this.#lots) {
      const entry = draft.lots[careType] ?? {};
      inputs.geography.value = String(entry['geography'] ?? 'zone');
      inputs.structure.value = String(entry['structure'] ?? 'sole');
      inputs.leadShare.value = String(entry['leadShare'] ?? 0.8);
      inputs.maxProviders.value = String(entry['maxProviders'] ?? 3);
      inputs.shareLabel.hidden = inputs.structure.value !== 'lead-secondary';
      inputs.providersLabel.hidden = inputs.structure.value !== 'framework';
    }
    for (const [rule, input] of this.#rules) {
      const v = draft.award[rule];
      input.value = v === null || v === undefined ? '' : String(v);
    }
  }
}

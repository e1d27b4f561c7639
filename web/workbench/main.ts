/**
 * The workbench page: load the scenario, keep the edit history, and after
 * every edit ask the server for the new award (the newest edit wins: older
 * answers that arrive late are ignored) and the new zone outlines.
 */
import { call, fetchFile, type Reply } from './api.js';
import { statusLine, type AwardResult } from './award.js';
import { renderAward, renderNoAward } from './award-view.js';
import { warningsWithControls, withControl } from './award-rules.js';
import { Controls } from './controls.js';
import { byId, el, fillSelect, saveFile } from './dom.js';
import {
  assignColours,
  mergeZones,
  moveAreas,
  openZoning,
  renameZones,
  sameZones,
  setLot,
  setRule,
  settingsNotSaved,
  solveBody,
  splitOff,
  suggestZoneId,
  zoneIds,
  type Draft,
  type Json,
  type LotEntry,
} from './draft.js';
import { record, redo, startHistory, undo, type History } from './history.js';
import { savedText, type SaveReply } from './save-text.js';
import { legendItems, MapView, notConnectedLines, type ZoneInPieces, type ZoneOutline } from './map-view.js';
import type { StructureInputs } from './structure-inputs.js';

interface ScenarioInfo {
  readonly name: string;
  readonly zoning: string;
  readonly zonings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly areas: readonly { readonly area_id: string; readonly name: string }[];
  readonly lots: Readonly<Record<string, LotEntry>>;
  readonly structures: StructureInputs;
  readonly award: Readonly<Record<string, Json>>;
  readonly palette: readonly string[];
  /** The scenario's currency (scenario.json `currency`), for every money figure the page shows. */
  readonly currency: string;
  readonly downloads: { readonly report: boolean; readonly workbook: boolean };
}

function say(text: string, busy = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('busy', busy);
}

const select = (id: string) => byId<HTMLSelectElement>(id);

class Workbench {
  readonly first: Draft;
  readonly names: ReadonlyMap<string, string>;
  readonly map: MapView;
  readonly controls: Controls;
  history: History<Draft>;
  colours = new Map<string, string>();
  /** The award of the scenario as it stands, asked for once, apart from the edits, so an early edit cannot stand in for it. */
  readonly start: Promise<Reply<AwardResult & { error?: string }>>;
  asked = 0;
  outlined = '';
  /** The last zoning saved, and what the page said of it; null when the last save failed, or before one. */
  saved: {
    readonly zones: Readonly<Record<string, string>>;
    readonly file: string;
    readonly text: string;
  } | null = null;
  /** Zones a save renamed, by their id now, to the id the start knows them by: their lots are the start's lots. */
  formerly = new Map<string, string>();
  /** Every zoning that may be opened: the scenario's, and those saved since the page loaded. */
  readonly zonings: Map<string, Readonly<Record<string, string>>>;

  constructor(readonly info: ScenarioInfo) {
    this.names = new Map(info.areas.map((a) => [a.area_id, a.name]));
    this.first = { zones: info.zonings[info.zoning] ?? {}, lots: info.lots, award: info.award };
    this.history = startHistory(this.first);
    this.zonings = new Map(Object.entries(info.zonings));
    this.start = call('POST', '/api/solve', solveBody(this.first, this.first), { superseded: false });
    this.map = new MapView(byId('map') as unknown as SVGSVGElement, () => this.showSelection());
    this.controls = new Controls(byId('lot-controls'), byId('rule-controls'), this.first, info.structures, {
      lot: (careType, entry) => this.apply((d) => setLot(d, careType, entry)),
      rule: (rule, value) => this.apply((d) => setRule(d, rule, value)),
    });
  }

  showSelection(): void {
    const ids = [...this.map.selected].sort();
    byId('selection').textContent =
      ids.length === 0
        ? 'No area selected.'
        : `${ids.length} selected: ${ids.map((id) => `${this.names.get(id) ?? id} (${id})`).join(', ')}`;
  }

  apply(edit: (d: Draft) => Draft | string): void {
    const next = edit(this.history.present);
    if (typeof next === 'string') {
      say(`Not done: ${next}.`);
      return;
    }
    this.history = record(this.history, next);
    void this.refresh();
  }

  step(move: (h: History<Draft>) => History<Draft>): void {
    const next = move(this.history);
    if (next === this.history) return;
    this.history = next;
    void this.refresh();
  }

  async solve(draft: Draft): Promise<void> {
    const mine = ++this.asked;
    const began = performance.now();
    say('Solving…', true);
    // The start (first load, undo to it, back to the start) is the answer already asked for.
    const reply =
      draft === this.first
        ? await this.start
        : await call<AwardResult & { error?: string }>('POST', '/api/solve', solveBody(draft, this.first));
    // 204: a newer edit superseded this one before it was solved.
    if (mine !== this.asked || reply.status === 204) return;
    if (reply.status !== 200) return this.noAward(reply, 'No award for this edit');
    const start = await this.start;
    if (mine !== this.asked) return;
    if (start.status !== 200) return this.noAward(start, 'No starting award to compare with');
    const warnings = warningsWithControls(reply.body.warnings, this.info.structures);
    renderAward(
      { ...reply.body, ...(warnings === undefined ? {} : { warnings }) },
      start.body,
      this.formerly,
      this.info.currency,
    );
    say(statusLine(reply.body, performance.now() - began));
  }

  noAward(reply: Reply<{ error?: string }>, what: string): void {
    const reason = withControl(
      reply.body.error ?? `the server answered ${reply.status}`,
      this.info.structures,
    );
    renderNoAward(reason);
    say(`${what}: ${reason}`);
  }

  async outline(zones: Readonly<Record<string, string>>): Promise<void> {
    const key = JSON.stringify(zones);
    if (key === this.outlined) return;
    this.outlined = key;
    const reply = await call<{
      zones: ZoneOutline[];
      notConnected: ZoneInPieces[];
      neighboursFrom: 'boundaries' | 'centroids';
    }>('POST', '/api/outlines', { zones });
    if (reply.status !== 200 || key !== this.outlined) return;
    this.map.drawOutlines(reply.body.zones);
    const lines = notConnectedLines(reply.body.notConnected, this.names, reply.body.neighboursFrom);
    const box = byId('zone-pieces');
    box.replaceChildren(...lines.map((line) => el('p', {}, line)));
    box.hidden = lines.length === 0;
  }

  async refresh(): Promise<void> {
    const draft = this.history.present;
    const zones = zoneIds(draft);
    this.colours = assignColours(this.colours, zones, this.info.palette);
    this.map.paint(draft.zones, this.colours, this.names);
    byId('legend').replaceChildren(...legendItems(zones, this.colours));
    for (const id of ['move-target', 'merge-from', 'merge-into']) fillSelect(select(id), zones);
    fillSelect(select('open-zoning'), [...this.zonings.keys()]);
    if (select('merge-into').value === select('merge-from').value)
      select('merge-into').value = zones[1] ?? select('merge-into').value;
    const newZone = byId<HTMLInputElement>('new-zone');
    if (newZone.value === '' || zones.includes(newZone.value)) newZone.value = suggestZoneId(draft);
    this.controls.sync(draft);
    // What a download said was of the award before this edit: "no award is possible" beside an award misleads.
    byId('download-message').textContent = '';
    this.sayIfSaved(draft);
    byId<HTMLButtonElement>('undo').disabled = this.history.past.length === 0;
    byId<HTMLButtonElement>('redo').disabled = this.history.future.length === 0;
    await Promise.all([this.solve(draft), this.outline(draft.zones)]);
  }

  /**
   * Save the zones under the name typed; `overwrite`: replace a zoning of that name, which
   * the page offers (a "Replace" button) when a save finds the name taken by a zoning saved
   * here earlier, rather than telling the user to send `"overwrite": true`, which a page user
   * cannot do. One of the scenario's own zonings is never offered: the server's message says
   * to choose another name.
   */
  async save(overwrite = false): Promise<void> {
    const message = byId('save-message');
    const replace = byId<HTMLButtonElement>('save-replace');
    replace.hidden = true;
    const name = byId<HTMLInputElement>('save-name').value.trim();
    const reply = await call<SaveReply>('POST', '/api/zonings', {
      name,
      zones: this.history.present.zones,
      ...(overwrite ? { overwrite: true } : {}),
    });
    message.classList.toggle('error', reply.status !== 201);
    if (reply.status === 409 && reply.body.replaceable === true) {
      message.textContent = `Not saved: a zoning named "${name}" is already saved. Replace it with these zones, or type another name and save again.`;
      replace.textContent = `Replace "${name}"`;
      replace.hidden = false;
      return;
    }
    message.textContent =
      reply.status === 201
        ? savedText(reply.body, name, settingsNotSaved(this.history.present, this.first))
        : `Not saved: ${reply.body.error ?? `the server answered ${reply.status}`}`;
    this.saved = null;
    if (reply.status !== 201) return;
    if (reply.body.zones !== undefined) {
      this.zonings.set(name, reply.body.zones);
      this.saved = { zones: reply.body.zones, file: reply.body.file ?? name, text: message.textContent };
    }
    this.goOnAsSaved(reply.body.renamed ?? {});
  }

  /**
   * After a save, whether the zones on the map are still the ones saved: an edit since makes
   * "Saved as zones-mine.csv" untrue of them (until 2026-12-02 it stayed, and a commissioner
   * could leave the page thinking the edits were saved); undoing back to them says it again.
   */
  sayIfSaved(draft: Draft): void {
    if (this.saved === null) return;
    byId('save-message').textContent = sameZones(draft.zones, this.saved.zones)
      ? this.saved.text
      : `The zones have changed since they were saved as ${this.saved.file}: save again to keep them.`;
  }

  /** Opens zoning `name` to edit: its zones on the map, and its name ready to save under. */
  open(name: string): void {
    const zones = this.zonings.get(name);
    if (zones === undefined) return;
    this.apply((d) => openZoning(d, name, zones));
    byId<HTMLInputElement>('save-name').value = name;
    byId('save-replace').hidden = true;
  }

  /**
   * After a save, the page shows the zoning as saved: its zones renamed (an edit, so it can be
   * undone; each keeps its colour) and solved again, so the status names the zoning and the lots
   * are those `zonal solve --zoning <name>` gives. Until 2026-12-02 it went on saying "zoning
   * workbench", with lot ids the saved zoning does not have.
   */
  goOnAsSaved(renamed: Readonly<Record<string, string>>): void {
    if (Object.keys(renamed).length === 0) {
      void this.refresh();
      return;
    }
    for (const [from, to] of Object.entries(renamed)) {
      const colour = this.colours.get(from);
      if (colour !== undefined) this.colours.set(to, colour);
      this.formerly.set(to, this.formerly.get(from) ?? from);
    }
    this.apply((d) => renameZones(d, renamed));
  }

  async offer(url: string, file: string): Promise<void> {
    const contents = await fetchFile(url, solveBody(this.history.present, this.first));
    if (typeof contents !== 'string') saveFile(contents, file);
    byId('download-message').textContent =
      typeof contents === 'string' ? `Not downloaded: ${contents}` : `Downloaded ${file}.`;
  }
}

function wire(w: Workbench): void {
  const click = (id: string, action: () => void) =>
    byId<HTMLButtonElement>(id).addEventListener('click', action);
  const selected = () => [...w.map.selected];
  click('move', () => w.apply((d) => moveAreas(d, selected(), select('move-target').value)));
  click('split', () =>
    w.apply((d) => splitOff(d, selected(), byId<HTMLInputElement>('new-zone').value.trim())),
  );
  click('merge', () => w.apply((d) => mergeZones(d, select('merge-from').value, select('merge-into').value)));
  click('open', () => w.open(select('open-zoning').value));
  // Enter in a text box presses its button, as in any form.
  for (const [box, button] of [
    ['new-zone', 'split'],
    ['save-name', 'save'],
  ] as const)
    byId(box).addEventListener('keydown', (e) => {
      if (e.key === 'Enter') byId(button).click();
    });
  click('clear-selection', () => w.map.clearSelection());
  click('undo', () => w.step(undo));
  click('redo', () => w.step(redo));
  click('reset', () => w.apply(() => w.first));
  click('save', () => void w.save());
  click('save-replace', () => void w.save(true));
  // The offer to replace is for the name it names: typing another withdraws it.
  byId('save-name').addEventListener('input', () => {
    byId('save-replace').hidden = true;
  });
  click('download-report', () => void w.offer('/api/report', 'report.html'));
  const workbook = byId<HTMLButtonElement>('download-workbook');
  workbook.disabled = !w.info.downloads.workbook;
  if (!w.info.downloads.workbook)
    workbook.title = 'The result workbook is not available in this version of zonal.';
  workbook.addEventListener('click', () => void w.offer('/api/workbook', 'result.xlsx'));
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (typing || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) w.step(undo);
    else if (key === 'y' || (key === 'z' && e.shiftKey)) w.step(redo);
    else return;
    e.preventDefault();
  });
}

async function boot(): Promise<void> {
  const scenario = await call<ScenarioInfo & { error?: string }>('GET', '/api/scenario');
  if (scenario.status !== 200)
    throw new Error(scenario.body.error ?? `the server answered ${scenario.status}`);
  const workbench = new Workbench(scenario.body);
  wire(workbench);
  await workbench.refresh();
}

boot().catch((e: unknown) =>
  say(`The workbench could not start: ${e instanceof Error ? e.message : String(e)}`),
);

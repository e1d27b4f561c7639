/**
 * The workbench page: load the scenario, keep the edit history, and after
 * every edit ask the server for the new award (the newest edit wins: older
 * answers that arrive late are ignored) and the new zone outlines.
 */
import { call, download } from './api.js';
import type { AwardResult } from './award.js';
import { renderAward } from './award-view.js';
import { Controls } from './controls.js';
import { byId, fillSelect } from './dom.js';
import { assignColours, solveBody, mergeZones, moveAreas, setLot, setRule, splitOff, suggestZoneId, zoneIds, type Draft, type Json, type LotEntry } from './draft.js';
import { record, redo, startHistory, undo, type History } from './history.js';
import { legendItems, MapView, type ZoneOutline } from './map-view.js';

interface ScenarioInfo {
  readonly name: string;
  readonly zoning: string;
  readonly zonings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly areas: readonly { readonly area_id: string; readonly name: string }[];
  readonly lots: Readonly<Record<string, LotEntry>>;
  readonly award: Readonly<Record<string, Json>>;
  readonly palette: readonly string[];
  readonly downloads: { readonly report: boolean; readonly workbook: boolean };
}

const status = byId<HTMLParagraphElement>('status');
function say(text: string, busy = false): void {
  status.textContent = text;
  status.classList.toggle('busy', busy);
}

async function boot(): Promise<void> {
  const info = (await call<ScenarioInfo>('GET', '/api/scenario')).body;
  const names = new Map(info.areas.map((a) => [a.area_id, a.name]));
  const first: Draft = { zones: info.zonings[info.zoning] ?? {}, lots: info.lots, award: info.award };
  let history: History<Draft> = startHistory(first);
  let colours = assignColours(new Map(), zoneIds(first), info.palette);
  let start: AwardResult | null = null;
  let asked = 0;
  let outlined = '';

  const map = new MapView(byId('map') as unknown as SVGSVGElement, () => showSelection());
  const controls = new Controls(byId('lot-controls'), byId('rule-controls'), first, {
    lot: (careType, entry) => apply((d) => setLot(d, careType, entry)),
    rule: (rule, value) => apply((d) => setRule(d, rule, value)),
  });
  const newZone = byId<HTMLInputElement>('new-zone');

  function showSelection(): void {
    const ids = [...map.selected].sort();
    byId('selection').textContent = ids.length === 0 ? 'No area selected.' : `${ids.length} selected: ${ids.map((id) => `${names.get(id) ?? id} (${id})`).join(', ')}`;
  }

  function apply(edit: (d: Draft) => Draft | string): void {
    const next = edit(history.present);
    if (typeof next === 'string') return say(`Not done: ${next}.`);
    history = record(history, next);
    void refresh();
  }

  async function solve(draft: Draft): Promise<void> {
    const mine = ++asked;
    const began = performance.now();
    say('Solving…', true);
    const reply = await call<AwardResult & { error?: string; superseded?: boolean }>('POST', '/api/solve', solveBody(draft, first));
    if (mine !== asked || reply.body.superseded === true) return;
    if (reply.status !== 200) return say(`No award for this edit: ${reply.body.error ?? `the server answered ${reply.status}`}`);
    start ??= reply.body;
    renderAward(reply.body, start);
    say(`Award ${reply.body.status}, zoning ${reply.body.zoning ?? ''}: answered in ${Math.round(performance.now() - began)} ms.`);
  }

  async function outline(zones: Readonly<Record<string, string>>): Promise<void> {
    const key = JSON.stringify(zones);
    if (key === outlined) return;
    outlined = key;
    const reply = await call<{ zones: ZoneOutline[] }>('POST', '/api/outlines', { zones });
    if (reply.status === 200 && key === outlined) map.drawOutlines(reply.body.zones);
  }

  async function refresh(): Promise<void> {
    const draft = history.present;
    const zones = zoneIds(draft);
    colours = assignColours(colours, zones, info.palette);
    map.paint(draft.zones, colours, names);
    byId('legend').replaceChildren(...legendItems(zones, colours));
    for (const id of ['move-target', 'merge-from', 'merge-into']) fillSelect(byId<HTMLSelectElement>(id), zones);
    const into = byId<HTMLSelectElement>('merge-into');
    if (into.value === byId<HTMLSelectElement>('merge-from').value) into.value = zones[1] ?? into.value;
    if (newZone.value === '' || zones.includes(newZone.value)) newZone.value = suggestZoneId(draft);
    controls.sync(draft);
    byId<HTMLButtonElement>('undo').disabled = history.past.length === 0;
    byId<HTMLButtonElement>('redo').disabled = history.future.length === 0;
    await Promise.all([solve(draft), outline(draft.zones)]);
  }

  const selected = () => [...map.selected];
  const click = (id: string, action: () => void) => byId<HTMLButtonElement>(id).addEventListener('click', action);
  click('move', () => apply((d) => moveAreas(d, selected(), byId<HTMLSelectElement>('move-target').value)));
  click('split', () => apply((d) => splitOff(d, selected(), newZone.value.trim())));
  click('merge', () => apply((d) => mergeZones(d, byId<HTMLSelectElement>('merge-from').value, byId<HTMLSelectElement>('merge-into').value)));
  click('clear-selection', () => map.clearSelection());
  const step = (move: (h: History<Draft>) => History<Draft>) => {
    const next = move(history);
    if (next === history) return;
    history = next;
    void refresh();
  };
  click('undo', () => step(undo));
  click('redo', () => step(redo));
  click('reset', () => apply(() => first));
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (typing || !(e.ctrlKey || e.metaKey)) return;
    if (e.key.toLowerCase() === 'z' && !e.shiftKey) step(undo);
    else if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) step(redo);
    else return;
    e.preventDefault();
  });

  click('save', () => void saveZoning());
  async function saveZoning(): Promise<void> {
    const message = byId('save-message');
    const name = byId<HTMLInputElement>('save-name').value.trim();
    const reply = await call<{ file?: string; error?: string; renamed?: Record<string, string> }>('POST', '/api/zonings', { name, zones: history.present.zones });
    const renamed = Object.entries(reply.body.renamed ?? {}).map(([a, b]) => `${a} → ${b}`);
    message.classList.toggle('error', reply.status !== 201);
    message.textContent = reply.status === 201
      ? `Saved as ${reply.body.file ?? name} and added to scenario.json.${renamed.length === 0 ? '' : ` Zones whose areas differ from another zoning's zone of the same id were renamed: ${renamed.join(', ')}.`}`
      : `Not saved: ${reply.body.error ?? `the server answered ${reply.status}`}`;
  }

  const workbook = byId<HTMLButtonElement>('download-workbook');
  workbook.disabled = !info.downloads.workbook;
  if (!info.downloads.workbook) workbook.title = 'The result workbook is not available in this version of zonal.';
  const offer = async (url: string, file: string) => {
    const error = await download(url, solveBody(history.present, first), file);
    byId('download-message').textContent = error === null ? `Downloaded ${file}.` : `Not downloaded: ${error}`;
  };
  click('download-report', () => void offer('/api/report', 'report.html'));
  workbook.addEventListener('click', () => void offer('/api/workbook', 'result.xlsx'));

  await refresh();
}

boot().catch((e: unknown) => say(`The workbench could not start: ${e instanceof Error ? e.message : String(e)}`));

/**
 * What went in: the scenario's zones, demand, providers and bids in brief,
 * and the run's settings, solver, status, input hash and version, so a
 * printed report says exactly how to reproduce it.
 */
import type { Result } from '../../model/result.js';
import type { Bid, Provider, Scenario } from '../../model/types.js';
import { labelEntry } from '../../structures/index.js';
import { html, type Html } from './escape.js';
import { hours, percent, price } from './format.js';
import { heading, type Depth } from './heading.js';
import { table } from './table.js';
import { demandWhere } from '../../model/demand-table.js';
import { byId, byKey } from '../../model/order.js';
import { rangeOf } from '../../model/extent.js';
import { counted } from '../../model/counted.js';
import { groupedNumber } from '../../model/grouped-number.js';

interface ZoneRow {
  readonly zoneId: string;
  readonly areas: number;
  readonly population: number;
  readonly population65: number;
  readonly rural: number;
  readonly demand: ReadonlyMap<string, number>;
}

function zoneRows(scenario: Scenario, zoningName: string): ZoneRow[] {
  const zoning = scenario.zonings.get(zoningName) ?? new Map<string, string>();
  const rows = new Map<
    string,
    { areas: number; population: number; population65: number; rural: number; demand: Map<string, number> }
  >();
  const areaZone = (id: string) => zoning.get(id) ?? '(none)';
  for (const a of scenario.areas) {
    const r = rows.get(areaZone(a.id)) ?? {
      areas: 0,
      population: 0,
      population65: 0,
      rural: 0,
      demand: new Map<string, number>(),
    };
    rows.set(areaZone(a.id), {
      ...r,
      areas: r.areas + 1,
      population: r.population + a.population,
      population65: r.population65 + a.population65,
      rural: r.rural + (a.rurality === 'rural' ? 1 : 0),
    });
  }
  for (const d of demandWhere(scenario.demand, (x) => x.period === scenario.period)) {
    const r = rows.get(areaZone(d.areaId));
    r?.demand.set(d.careType, (r.demand.get(d.careType) ?? 0) + d.hours);
  }
  return [...rows.entries()].sort(byKey).map(([zoneId, r]) => ({ zoneId, ...r }));
}

function zonesTable(scenario: Scenario, result: Result): Html {
  const rows = zoneRows(scenario, result.zoning);
  const careTypes = [...new Set(Array.from(scenario.demand, (d) => d.careType))].sort();
  return table<ZoneRow>(
    [
      { header: 'Zone', value: (r) => r.zoneId },
      { header: 'Areas', value: (r) => String(r.areas), numeric: true },
      { header: 'Rural areas', value: (r) => String(r.rural), numeric: true },
      { header: 'Population', value: (r) => groupedNumber(r.population, 3), numeric: true },
      { header: 'Aged 65+', value: (r) => groupedNumber(r.population65, 3), numeric: true },
      ...careTypes.map((t) => ({
        header: `${t} h/week`,
        value: (r: ZoneRow) => hours(r.demand.get(t) ?? 0),
        numeric: true,
      })),
    ],
    rows,
    { caption: `Zones of the "${result.zoning}" zoning, demand in period ${scenario.period}` },
  );
}

function providersTable(scenario: Scenario): Html {
  const bidsOf = (p: Provider) => scenario.bids.filter((b) => b.providerId === p.id);
  const range = (bids: readonly Bid[]) => {
    const { min, max } = rangeOf(bids.map((b) => b.price));
    return bids.length === 0 ? '' : `${price(min, scenario.currency)} to ${price(max, scenario.currency)}`;
  };
  return table<Provider>(
    [
      { header: 'Provider', value: (p) => p.id },
      { header: 'Name', value: (p) => p.name },
      { header: 'Capacity h/week', value: (p) => hours(p.maxHours), numeric: true },
      { header: 'Minimum viable h/week', value: (p) => hours(p.minViableHours), numeric: true },
      { header: 'Quality', value: (p) => String(p.quality), numeric: true },
      { header: 'Bids', value: (p) => String(bidsOf(p).length), numeric: true },
      { header: 'Prices bid', value: (p) => range(bidsOf(p)), numeric: true },
    ],
    [...scenario.providers].sort(byId),
    { caption: 'Providers and their bids' },
  );
}

function definitionList(pairs: readonly (readonly [string, string])[]): Html {
  return html`<dl class="settings">${pairs.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function settingsList(scenario: Scenario, result: Result): Html {
  const a = scenario.award;
  const lots = Object.entries(scenario.lotPlan).map(([t, e]) =>
    e === undefined
      ? ''
      : e.kind === 'merge'
        ? `${t}: merged into ${e.into}`
        : `${t}: ${e.geography}, ${labelEntry(e)}`,
  );
  return definitionList([
    ['Zoning', `${result.zoning} (of ${[...scenario.zonings.keys()].join(', ')})`],
    [
      'Design period',
      `${scenario.period}; ${counted(scenario.weeksPerYear, 'week')} a year; ${scenario.currency}`,
    ],
    ['Lots', lots.filter((x) => x !== '').join('; ')],
    [
      'Objective',
      result.objective.kind === 'meat'
        ? `MEAT (quality ${a.qualityWeight}, price ${a.priceWeight})`
        : 'lowest cost',
    ],
    [
      'Award rules',
      `minimum quality ${a.minQuality}; share cap ${percent(a.maxShareOfTotalHours)}; lots per provider ${a.maxLotsPerProvider ?? 'no limit'}; at least ${counted(a.minDistinctProviders, 'provider')}; unmet penalty ${price(a.unmetPenaltyPerHour, scenario.currency)}/hour`,
    ],
    [
      'Inputs',
      `${counted(scenario.areas.length, 'area')}, ${counted(scenario.providers.length, 'provider')}, ${counted(scenario.bids.length, 'bid')}, ${counted(scenario.demand.length, 'demand row')}${scenario.current.length > 0 ? `, ${counted(scenario.current.length, 'current-care row')}` : ''}`,
    ],
  ]);
}

/**
 * What the objective value counts beyond money: the cost objectives weigh each unmet hour at
 * the penalty, so the figure can be many times the annual cost; MEAT counts hours times their
 * score, less a penalty for each unmet hour (docs/award-model.md), so it is never money and
 * can be below 0 (until 2026-12-02 a MEAT award's -780,438.29 had no word of explanation).
 */
function objectiveNote(scenario: Scenario, result: Result): string {
  const unmet = result.totals.unmetHoursPerWeek > 0;
  if (result.objective.kind === 'meat')
    return ` (the solver's figure, not money: each hour a week bought times its MEAT score, 0 to 1${unmet ? ', less a penalty for each unmet hour, so it can be below 0' : ''})`;
  if (!unmet) return '';
  return ` (the solver's figure, not money paid: it counts each unmet hour at award.unmetPenaltyPerHour, ${price(scenario.award.unmetPenaltyPerHour, scenario.currency)}/hour)`;
}

function runList(scenario: Scenario, result: Result): Html {
  const r = result.run;
  return definitionList([
    [
      'Status',
      `${result.status}${result.status === 'feasible' ? `, gap ${result.gap === null ? 'unknown' : percent(result.gap)}` : result.status === 'optimal' ? ', proven optimal' : ''}`,
    ],
    [
      'Solver',
      `${r.solver}, ${r.solveSeconds.toFixed(2)} s of a ${r.timeLimitSeconds} s limit; ${r.variables} variables, ${r.constraints} constraints`,
    ],
    ['Objective value', `${groupedNumber(result.objective.value, 2)}${objectiveNote(scenario, result)}`],
    ['Input hash', r.inputHash],
    ['zonal version', r.version],
  ]);
}

export function inputsSection(scenario: Scenario, result: Result, depth: Depth = 0): Html {
  return html`<div class="two"><div>${heading(3, depth, 'Settings')}${settingsList(scenario, result)}</div><div>${heading(3, depth, 'Run')}${runList(scenario, result)}</div></div>
${zonesTable(scenario, result)}
${providersTable(scenario)}`;
}

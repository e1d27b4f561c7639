/**
 * A greedy award that keeps every rule: the start plan handed to the solver.
 * It works on the Program (so it keeps exactly the rows the solver sees) and
 * reads the variables' meanings to know which moves make sense:
 *
 *   1. start with everything unmet (meets every row but "distinct winners")
 *   2. fill lot roles with the best bid first, where no row would break
 *   3. award packages whole, each bid to its best open role, when that pays
 *   4. fill framework lots, cheapest member first, as far as capacity allows
 *   5. mark winners, and bring in more providers while too few win
 *   6. one pass of swaps: a cheaper bid replaces a role's winner
 *
 * Returns null when the result still breaks a row (the solver then starts
 * from nothing). Deterministic: ties go to the lower variable index.
 */
import { leastHoursOfAWinner } from '../model/types.js';
import { PlanState, isFeasiblePlan, type Change } from './plan-state.js';
import { Columns, isBetterPlan, type Program, type VariableMeaning } from './program.js';
import { pushTo } from '../model/map-lists.js';

/** A framework lot's variables, by `lot|area` and by `offer|lot` (steps 4 and 5). */
interface Frameworks {
  /** the unmet hours of each `lot|area` */
  readonly areaUnmet: Map<string, number>;
  /** each offer's place in a lot, by `offer|lot` */
  readonly place: Map<string, number>;
  /** the members' hours of each `lot|area` */
  readonly areaHours: Map<string, number[]>;
}

function frameworksOf(program: Program): Frameworks {
  const f: Frameworks = { areaUnmet: new Map(), place: new Map(), areaHours: new Map() };
  program.variables.forEach(({ meaning: m }, j) => {
    if (m.kind === 'areaUnmet') f.areaUnmet.set(`${m.lotId}|${m.areaId}`, j);
    else if (m.kind === 'place') f.place.set(`${m.offer}|${m.lotId}`, j);
    else if (m.kind === 'areaHours') pushTo(f.areaHours, `${m.lotId}|${m.areaId}`, j);
  });
  return f;
}

const slotOf = (m: VariableMeaning): string | null =>
  m.kind === 'assign' || m.kind === 'unmet' ? `${m.lotId}|${m.slot}` : null;

function initialValues(program: Program): number[] {
  return program.variables.map((v) =>
    v.meaning.kind === 'unmet' ? 1 : v.meaning.kind === 'areaUnmet' ? v.upper : 0,
  );
}

/** Indices of variables of one kind, best (most objective gain) first. */
function ranked(program: Program, kind: VariableMeaning['kind'], gain: (j: number) => number): number[] {
  const indices: number[] = [];
  program.variables.forEach((v, j) => {
    if (v.meaning.kind === kind) indices.push(j);
  });
  return indices.sort((a, b) => gain(b) - gain(a) || a - b);
}

/** What both fill orders read of the program, worked out once (greedyStart). */
interface Facts {
  readonly columns: Columns;
  /** objective gain of raising each variable by one (positive is better) */
  readonly gains: readonly number[];
  /** each variable's `lot|slot` (null: not a role variable) */
  readonly slotKeys: readonly (string | null)[];
  /** variable index of the unmet variable of each lot role, by `lot|slot` */
  readonly unmet: ReadonlyMap<string, number>;
  readonly frameworks: Frameworks;
  /** the assign variables, best (most gain) first */
  readonly assigns: readonly number[];
}

function factsOf(program: Program): Facts {
  const sign = program.sense === 'min' ? -1 : 1;
  const gains = program.variables.map((v) => sign * v.cost);
  const slotKeys = program.variables.map((v) => slotOf(v.meaning));
  const unmet = new Map<string, number>();
  program.variables.forEach((v, j) => {
    const slot = slotKeys[j] ?? null;
    if (v.meaning.kind === 'unmet' && slot !== null) unmet.set(slot, j);
  });
  return {
    columns: new Columns(program),
    gains,
    slotKeys,
    unmet,
    frameworks: frameworksOf(program),
    assigns: ranked(program, 'assign', (j) => gains[j] ?? 0),
  };
}

class Greedy {
  readonly state: PlanState;
  /** the assign variable currently filling each lot role, by `lot|slot` */
  readonly filled = new Map<string, number>();

  constructor(
    readonly program: Program,
    private readonly facts: Facts,
  ) {
    this.state = new PlanState(program, initialValues(program), facts.columns);
  }

  /** Objective gain of raising variable j by one (positive is better). */
  private gain(j: number): number {
    return this.facts.gains[j] ?? 0;
  }

  private slotVars(j: number): { slot: string; u: number } | null {
    const slot = this.facts.slotKeys[j] ?? null;
    const u = slot === null ? undefined : this.facts.unmet.get(slot);
    return slot === null || u === undefined ? null : { slot, u };
  }

  /** The changes that give role variable j its slot, or null when the slot is taken. */
  fillChanges(j: number): Change[] | null {
    const s = this.slotVars(j);
    if (s === null || this.filled.has(s.slot) || this.gain(j) <= this.gain(s.u)) return null;
    return [
      [j, 1],
      [s.u, 0],
    ];
  }

  record(changes: readonly Change[]): void {
    changes.forEach((change) => {
      const j = change[0];
      const s = this.slotVars(j);
      if (s === null || this.program.variables[j]?.meaning.kind !== 'assign') return;
      if (change[1] === 1) this.filled.set(s.slot, j);
      else if (this.filled.get(s.slot) === j) this.filled.delete(s.slot);
    });
  }

  commit(changes: readonly Change[] | null): boolean {
    if (changes === null || !this.state.tryApply(changes)) return false;
    this.record(changes);
    return true;
  }

  /**
   * Step 2, in one of two orders: best bid first over all roles, or role by
   * role with the roles that have the fewest bids first (so that scarce rural
   * roles are not left to capacity that cheaper roles used up).
   */
  fillRoles(order: FillOrder): void {
    const best = this.facts.assigns;
    if (order === 'best-bid-first') {
      for (const j of best) this.commit(this.fillChanges(j));
      return;
    }
    const bySlot = new Map<string, number[]>();
    for (const j of best) {
      const s = this.slotVars(j);
      if (s !== null) pushTo(bySlot, s.slot, j);
    }
    const hours = (js: readonly number[]) =>
      (this.program.variables[js[0] ?? -1]?.meaning as { hours?: number } | undefined)?.hours ?? 0;
    const slots = [...bySlot.values()].sort(
      (a, b) => a.length - b.length || hours(b) - hours(a) || (a[0] ?? 0) - (b[0] ?? 0),
    );
    for (const js of slots) js.some((j) => this.commit(this.fillChanges(j)));
  }

  /** Step 3: a package's rows are ignored while its bids are placed, then checked together. */
  awardPackages(): void {
    for (const p of ranked(this.program, 'package', () => 0)) {
      const rows = this.state.rowsOf(p);
      const ignore = new Set(rows);
      const changes: Change[] = [[p, 1]];
      for (const i of rows) {
        const members = (this.program.rows[i]?.terms ?? [])
          .map((term) => term[0])
          .filter((j) => j !== p)
          .sort((a, b) => this.gain(b) - this.gain(a) || a - b);
        const taken = new Set(changes.map(([j]) => j));
        const move = members
          .map((j) => this.fillChanges(j))
          .find(
            (c) =>
              c !== null && !c.some(([j]) => taken.has(j)) && this.state.allows([...changes, ...c], ignore),
          );
        if (move === undefined || move === null) break;
        changes.push(...move);
      }
      const total = changes.reduce((t, [j, x]) => t + (x - (this.state.values[j] ?? 0)) * this.gain(j), 0);
      if (total > 0) this.commit(changes);
    }
  }

  /** Step 4: each framework place, cheapest hours first, serves what capacity allows; undone if it breaks minShare. */
  fillFrameworks(): void {
    const { areaUnmet, place } = this.facts.frameworks;
    const hoursOf = new Map<number, number[]>();
    this.program.variables.forEach((v, j) => {
      if (v.meaning.kind === 'areaHours') {
        const y = place.get(`${v.meaning.offer}|${v.meaning.lotId}`);
        if (y !== undefined) pushTo(hoursOf, y, j);
      }
    });
    const unitGain = (y: number) => Math.max(...(hoursOf.get(y) ?? []).map((j) => this.gain(j)));
    for (const y of ranked(this.program, 'place', unitGain)) {
      const undo = this.state.apply([[y, 1]]);
      for (const x of hoursOf.get(y) ?? []) {
        const m = this.program.variables[x]?.meaning;
        const u = m?.kind === 'areaHours' ? areaUnmet.get(`${m.lotId}|${m.areaId}`) : undefined;
        if (u === undefined || this.gain(x) <= this.gain(u)) continue;
        const t = this.state.maxStep(
          [
            [x, 1],
            [u, -1],
          ],
          Infinity,
        );
        if (t > 0)
          undo.unshift(
            ...this.state.apply([
              [x, (this.state.values[x] ?? 0) + t],
              [u, (this.state.values[u] ?? 0) - t],
            ]),
          );
      }
      if (!this.state.rowsOf(y).every((i) => this.state.rowExcess(i) === 0)) this.state.apply(undo);
    }
  }

  /** Step 5. */
  bringInWinners(): void {
    const wins = ranked(this.program, 'wins', () => 0);
    for (const w of wins) this.commit([[w, 1]]);
    for (const w of wins) {
      if (this.state.values[w] === 1) continue;
      const mine = this.state
        .rowsOf(w)
        .flatMap((i) =>
          (this.program.rows[i]?.terms ?? [])
            .filter((term) => term[0] !== w && term[1] < 0)
            .map((term) => term[0]),
        );
      mine
        .sort((a, b) => this.gain(b) - this.gain(a) || a - b)
        .some((j) => this.commit(this.enterChanges(j, w)) || this.takeHours(j, w));
    }
  }

  /**
   * Framework hours variable j (weighing `weight` an hour in w's row) takes the hours a
   * winner needs from its area's unmet hours, or else from the member holding the most
   * there; its place opens and provider flag w goes up. Whether it was committed.
   */
  private takeHours(j: number, w: number): boolean {
    const m = this.program.variables[j]?.meaning;
    if (m?.kind !== 'areaHours') return false;
    const weight = -(
      this.state
        .rowsOf(w)
        .flatMap((i) => this.program.rows[i]?.terms ?? [])
        .find((term) => term[0] === j)?.[1] ?? 0
    );
    if (!(weight > 0)) return false;
    const t = leastHoursOfAWinner / weight;
    const value = (v: number) => this.state.values[v] ?? 0;
    // Rows are checked by commit; a variable's own bound is not, so it is checked here.
    if (value(j) + t > (this.program.variables[j]?.upper ?? 0)) return false;
    const key = `${m.lotId}|${m.areaId}`;
    const members = (this.facts.frameworks.areaHours.get(key) ?? []).filter((v) => v !== j);
    const donors = [
      ...[this.facts.frameworks.areaUnmet.get(key)].filter((u): u is number => u !== undefined),
      ...members.sort((a, b) => value(b) - value(a) || a - b),
    ].filter((d) => value(d) >= t);
    const place = this.facts.frameworks.place.get(`${m.offer}|${m.lotId}`);
    const open: Change[] = place === undefined ? [] : [[place, 1]];
    return donors.some((d) => this.commit([...open, [j, value(j) + t], [d, value(d) - t], [w, 1]]));
  }

  /** Variable j takes its slot (from its holder if any), and provider flag w goes up. */
  private enterChanges(j: number, w: number): Change[] | null {
    const s = this.slotVars(j);
    if (s === null) return null;
    const holder = this.filled.get(s.slot);
    return holder === undefined
      ? [
          [j, 1],
          [s.u, 0],
          [w, 1],
        ]
      : [
          [j, 1],
          [holder, 0],
          [w, 1],
        ];
  }

  /** Step 6. */
  improve(): void {
    for (const j of this.facts.assigns) {
      const s = this.slotVars(j);
      const holder = s === null ? undefined : this.filled.get(s.slot);
      if (holder === undefined || holder === j || this.gain(j) <= this.gain(holder)) continue;
      this.commit([
        [j, 1],
        [holder, 0],
      ]);
    }
  }
}

type FillOrder = 'best-bid-first' | 'scarce-roles-first';

function runGreedy(program: Program, facts: Facts, order: FillOrder): number[] | null {
  const greedy = new Greedy(program, facts);
  greedy.fillRoles(order);
  greedy.awardPackages();
  greedy.fillFrameworks();
  greedy.bringInWinners();
  greedy.improve();
  const values = greedy.state.values;
  return isFeasiblePlan(program, values) ? values : null;
}

/** A full value vector meeting every row of the program (the better of both fill orders), or null. */
export function greedyStart(program: Program): number[] | null {
  const better = (a: number[], b: number[]) => (isBetterPlan(program, b, a) ? b : a);
  const facts = factsOf(program);
  const plans = (['scarce-roles-first', 'best-bid-first'] as const)
    .map((order) => runGreedy(program, facts, order))
    .filter((v): v is number[] => v !== null);
  return plans.reduce<number[] | null>((a, b) => (a === null ? b : better(a, b)), null);
}

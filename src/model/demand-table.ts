/**
 * Demand rows stored as columns: a national demand file has over a million
 * rows, and as one object each they held about 200 MB once read (with V8
 * letting the heap grow to twice that before collecting). Here a row is an
 * area index, a care type index and a period index (area ids and periods are
 * kept once each, in the order first seen), three numbers and the line it was
 * read from: 37 bytes. The rows are kept in chunks of a fixed size, so adding
 * rows copies only a chunk still growing to that size: each starts with room
 * for 1,024 rows and doubles, as a county's demand has a few hundred (a whole
 * chunk, 2.4 MB, took `zonal solve` 3-8 ms of its main thread to set up).
 *
 * Readers see the rows through the `Demand` interface (types.ts): in file
 * order, each as a fresh `DemandRow` made when it is reached (short-lived, so
 * the young generation collects it almost for free). An array of rows is a
 * `Demand` too, for scenarios built in code. Pure.
 */
import { careTypes, type CareType, type Demand, type DemandRow, type Scenario } from './types.js';

/** Rows per chunk: 65,536 rows are about 2.4 MB. */
const chunkBits = 16;
const chunkSize = 1 << chunkBits;
const chunkMask = chunkSize - 1;

interface Chunk {
  readonly area: Int32Array;
  readonly period: Int32Array;
  readonly line: Int32Array;
  readonly care: Uint8Array;
  readonly hours: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Room for rows a chunk starts with; it doubles up to `chunkSize` as rows come. */
const firstRoom = 1 << 10;

const newChunk = (room: number): Chunk => ({
  area: new Int32Array(room),
  period: new Int32Array(room),
  line: new Int32Array(room),
  care: new Uint8Array(room),
  hours: new Float64Array(room),
  low: new Float64Array(room),
  high: new Float64Array(room),
});

/** The chunk's first `rows` rows in a chunk with room for `room`. */
function resized(c: Chunk, rows: number, room: number): Chunk {
  const out = newChunk(room);
  out.area.set(c.area.subarray(0, rows));
  out.period.set(c.period.subarray(0, rows));
  out.line.set(c.line.subarray(0, rows));
  out.care.set(c.care.subarray(0, rows));
  out.hours.set(c.hours.subarray(0, rows));
  out.low.set(c.low.subarray(0, rows));
  out.high.set(c.high.subarray(0, rows));
  return out;
}

const careIndex = new Map<CareType, number>(careTypes.map((c, i) => [c, i]));

/** Demand rows in file order, each with the line it was read from. */
export class DemandTable implements Demand {
  /** Made by demandTableBuilder. */
  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly areaIds: readonly string[],
    private readonly periods: readonly string[],
    readonly length: number,
  ) {}

  /** Row `i` (0-based, file order) as a new object. */
  row(i: number): DemandRow {
    const chunk = this.chunks[i >>> chunkBits] as Chunk;
    const k = i & chunkMask;
    return {
      areaId: this.areaIds[chunk.area[k] as number] as string,
      careType: careTypes[chunk.care[k] as number] as CareType,
      period: this.periods[chunk.period[k] as number] as string,
      hours: chunk.hours[k] as number,
      low: chunk.low[k] as number,
      high: chunk.high[k] as number,
    };
  }

  /** The line of the file row `i` was read from. */
  line(i: number): number {
    return (this.chunks[i >>> chunkBits] as Chunk).line[i & chunkMask] as number;
  }

  [Symbol.iterator](): Iterator<DemandRow> {
    let i = 0;
    return {
      next: (): IteratorResult<DemandRow> =>
        i < this.length ? { value: this.row(i++), done: false } : { value: undefined, done: true },
    };
  }

  /** The table without the rows of these indexes, in the same order, with their lines. */
  without(dropped: ReadonlySet<number>): DemandTable {
    const builder = demandTableBuilder();
    for (let i = 0; i < this.length; i++) if (!dropped.has(i)) builder.push(this.row(i), this.line(i));
    return builder.finish();
  }
}

/**
 * Demand as it arrives in another thread: a structured clone keeps a
 * table's columns but not its class, so the table is put back together; an
 * array of rows arrives as it was sent.
 */
export function reviveDemand(cloned: Demand): Demand {
  if (Array.isArray(cloned)) return cloned;
  const { chunks, areaIds, periods, length } = cloned as unknown as {
    chunks: Chunk[];
    areaIds: string[];
    periods: string[];
    length: number;
  };
  return new DemandTable(chunks, areaIds, periods, length);
}

/** A scenario as it arrives in another thread (the report's, a batch worker): its demand table put back together. */
export function reviveScenario(cloned: Scenario): Scenario {
  return { ...cloned, demand: reviveDemand(cloned.demand) };
}

/** Index of each distinct text in the order first seen; the last one is checked first (a file gives an area's care types, and a period's areas, one after another). */
function interner() {
  const index = new Map<string, number>();
  const texts: string[] = [];
  let last = '';
  let lastIndex = -1;
  return {
    texts: texts as readonly string[],
    of(text: string): number {
      if (text === last && lastIndex >= 0) return lastIndex;
      let known = index.get(text);
      if (known === undefined) {
        known = texts.length;
        index.set(text, known);
        texts.push(text);
      }
      last = text;
      lastIndex = known;
      return known;
    },
  };
}

/** Collects rows as they are read (a row object passed in is not kept), then gives the table. */
export function demandTableBuilder(): {
  push(row: DemandRow, line: number): void;
  finish(): DemandTable;
} {
  const chunks: Chunk[] = [];
  const areas = interner();
  const periods = interner();
  let length = 0;
  return {
    push(row, line) {
      const k = length & chunkMask;
      if (k === 0) chunks.push(newChunk(firstRoom));
      let chunk = chunks[chunks.length - 1] as Chunk;
      if (k === chunk.area.length) {
        chunk = resized(chunk, k, 2 * k);
        chunks[chunks.length - 1] = chunk;
      }
      chunk.area[k] = areas.of(row.areaId);
      chunk.period[k] = periods.of(row.period);
      chunk.line[k] = line;
      chunk.care[k] = careIndex.get(row.careType) ?? 0;
      chunk.hours[k] = row.hours;
      chunk.low[k] = row.low;
      chunk.high[k] = row.high;
      length++;
    },
    finish() {
      // The last chunk cut to its rows: a small scenario keeps a few rows, not the room for more.
      const last = chunks.pop();
      const used = length & chunkMask;
      if (last !== undefined)
        chunks.push(used === 0 || used === last.area.length ? last : resized(last, used, used));
      return new DemandTable(chunks, areas.texts, periods.texts, length);
    },
  };
}

/** The rows `keep` accepts, in file order, as an array (for readers that want a part of the demand). */
export function demandWhere(demand: Demand, keep: (row: DemandRow) => boolean): DemandRow[] {
  const kept: DemandRow[] = [];
  for (const row of demand) if (keep(row)) kept.push(row);
  return kept;
}

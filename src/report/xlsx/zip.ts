/**
 * A zip file of a few text parts, deflated by Node's own zlib (native code):
 * what an .xlsx package needs and no more (no folders, no zip64, no
 * comments). fflate's zipSync made the same files, but its JavaScript
 * deflate took 30-80 ms for a county's workbook, most of writing it
 * (docs/performance.md). zlib.crc32 needs Node 20.15 or later.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** MS-DOS date and time, as zip entries carry them (two-second resolution). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

interface Entry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
  readonly offset: number;
}

/** The common part of a local header and a central directory record, from "version needed" to the name's length. */
function entryFields(e: Entry, stamp: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, 2); // flags: names are UTF-8
  b.writeUInt16LE(8, 4); // deflate
  b.writeUInt16LE(stamp.time, 6);
  b.writeUInt16LE(stamp.date, 8);
  b.writeUInt32LE(e.crc, 10);
  b.writeUInt32LE(e.data.length, 14);
  b.writeUInt32LE(e.size, 18);
  b.writeUInt16LE(e.name.length, 22);
  b.writeUInt16LE(0, 24); // no extra field
  return b;
}

const signature = (value: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
};

/** The zip of `files` (path → text), in the order given, every entry stamped with `date`. */
export function zipTexts(files: ReadonlyMap<string, string>, date: Date): Uint8Array {
  const stamp = dosDateTime(date);
  const entries: Entry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of files) {
    const raw = Buffer.from(text, 'utf8');
    const entry = {
      name: Buffer.from(path, 'utf8'),
      crc: crc32(raw),
      size: raw.length,
      data: deflateRawSync(raw),
      offset,
    };
    const local = [signature(0x04034b50), entryFields(entry, stamp), entry.name, entry.data];
    chunks.push(...local);
    offset += local.reduce((n, b) => n + b.length, 0);
    entries.push(entry);
  }
  const directoryStart = offset;
  for (const e of entries) {
    const tail = Buffer.alloc(14); // comment length, disk, internal and external attributes (all 0), then the offset
    tail.writeUInt32LE(e.offset, 10);
    const made = Buffer.alloc(2);
    made.writeUInt16LE(20, 0); // made by: 2.0, MS-DOS attributes
    const record = [signature(0x02014b50), made, entryFields(e, stamp), tail, e.name];
    chunks.push(...record);
    offset += record.reduce((n, b) => n + b.length, 0);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  return new Uint8Array(Buffer.concat([...chunks, end]));
}

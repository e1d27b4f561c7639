/**
 * zod on the command line's main thread: no compiled parsers. zod 4 compiles
 * each object schema's parser with `new Function` on its first parse, which
 * pays only for schemas parsed many thousands of times; a command parses its
 * scenario's settings once and each table's rows once, and V8's code cache
 * (launch.ts) cannot keep code made at run time. Timed in docs/performance.md
 * (`zonal validate` on the county: 324 → 305 ms; 20,000 bid rows parse no
 * slower). zod reads this setting when a schema is built, so main.ts imports
 * this module before any module that builds one; worker threads keep zod's default.
 */
import { config } from 'zod';

config({ jitless: true });

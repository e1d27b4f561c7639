/**
 * The bundled command line and worker threads (scripts/bundle.mjs) are plain
 * ASCII: V8 keeps a source with any other character as two bytes a character
 * and reads it more slowly; the report thread compiles about 1.3 MB of it on
 * every `zonal solve`, and the main thread compiles what its code cache lacks.
 * The bundler escapes such characters in strings and regular expressions but
 * not in tagged templates (`html\`…\``), whose raw text a tag may read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bundle = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/** The first characters beyond ASCII in a file, each with its line. */
function beyondAscii(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, i) =>
    /[^\x00-\x7f]/.test(line) ? [`${path.basename(file)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [],
  );
}

describe('the bundle', () => {
  it('is ASCII, so V8 reads each file as one byte a character', () => {
    const files = readdirSync(bundle).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'));
    expect(files).toEqual(expect.arrayContaining(['render-worker.cjs', 'main.cjs', 'launch.cjs']));
    expect(files.flatMap((f) => beyondAscii(path.join(bundle, f))).slice(0, 5)).toEqual([]);
  });
});

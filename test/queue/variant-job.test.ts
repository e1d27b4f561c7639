import { describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { failedRow } from '../../src/compare/run-variant.js';
import { jobId, rowFromResult, variantJob, variantJobSchema } from '../../src/queue/variant-job.js';

const hash = 'a'.repeat(64);

function variants(): Variant[] {
  const parsed = parseBatchFile(
    JSON.stringify({ base: 'tiny', samples: 10, grid: { zoning: ['one', 'two'], period: [2027] } }),
  );
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variants;
}

describe('variant jobs', () => {
  test('a queued job passes the schema the worker checks it with, unchanged', () => {
    for (const v of variants()) {
      const job = variantJob(v, hash, 30, '1.2.3');
      const parsed = variantJobSchema.safeParse(JSON.parse(JSON.stringify(job)));
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(job);
    }
  });

  test('the job id is the definition: stable, blind to the position in the batch, different for any other setting', () => {
    const [a, b] = variants();
    if (a === undefined || b === undefined) throw new Error('two variants expected');
    const id = jobId(variantJob(a, hash, 30, '1'));
    expect(id).toMatch(/^zonal-[0-9a-f]{32}$/);
    expect(jobId(variantJob({ ...a, index: 7 }, hash, 30, '1'))).toBe(id);
    const others = [
      variantJob(b, hash, 30, '1'),
      variantJob(a, 'b'.repeat(64), 30, '1'),
      variantJob(a, hash, 31, '1'),
      variantJob(a, hash, 30, '2'),
      variantJob({ ...a, seed: 2 }, hash, 30, '1'),
    ];
    expect(new Set([id, ...others.map(jobId)]).size).toBe(others.length + 1);
  });

  test('the worker refuses a job with bad overrides, an unsafe id or no scenario hash, saying where', () => {
    const [a] = variants();
    if (a === undefined) throw new Error('a variant expected');
    const good = variantJob(a, hash, 30, '1');
    const cases: Array<[unknown, RegExp]> = [
      [
        { ...good, variant: { ...good.variant, overrides: { demandMultiplier: -1 } } },
        /variant\.overrides\.demandMultiplier/,
      ],
      [{ ...good, variant: { ...good.variant, id: '../x' } }, /variant\.id/],
      [{ ...good, scenario: 'tiny' }, /scenario/],
      [{ ...good, extra: true }, /extra|unrecognized/i],
      [{ ...good, timeLimit: 0 }, /timeLimit/],
    ];
    for (const [job, where] of cases) {
      const parsed = variantJobSchema.safeParse(job);
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues.map((i) => [i.path.join('.'), i.message]))).toMatch(where);
    }
  });

  test("a worker's answer is checked: a row of another variant or not a row at all becomes a failed row", () => {
    const [a, b] = variants();
    if (a === undefined || b === undefined) throw new Error('two variants expected');
    const row = { ...failedRow(a, ''), status: 'optimal' as const, error: null, index: 99 };
    expect(rowFromResult(row, a)).toEqual({ ...row, index: a.index });
    expect(rowFromResult(row, b)).toMatchObject({
      id: b.id,
      status: 'failed',
      error: expect.stringMatching(/returned the row of variant/),
    });
    expect(rowFromResult('nonsense', a)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not a result row/),
    });
  });
});

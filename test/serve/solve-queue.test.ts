/**
 * The solve queue: one solve at a time, in order; a newer request of the
 * same edit stream supersedes a waiting older one; through HTTP, superseded
 * requests get 204 (no content) and repeated requests come from the cache.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SolveQueue } from '../../src/serve/solve-queue.js';
import type { SolveAnswer } from '../../src/serve/solve-answer.js';
import type { Solver } from '../../src/serve/solver.js';
import { workbenchOn, zonesOf, type Bench } from './workbench-fixture.js';

/** A solver whose solves finish only when the test says so. */
function heldSolver() {
  const started: { body: unknown; finish: (a: SolveAnswer) => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const solver: Solver = {
    solve: (body) =>
      new Promise<SolveAnswer>((resolve) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        started.push({
          body,
          finish: (a) => {
            running--;
            resolve(a);
          },
        });
      }),
    close: async () => undefined,
    warmed: Promise.resolve(),
  };
  return { solver, started, mostAtOnce: () => mostAtOnce };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('SolveQueue', () => {
  it('a task that throws at once fails alone: the queue goes on to the next', async () => {
    // The solver thread's postMessage throws at once on a body it cannot send; the queue
    // stayed "running" for ever after, and every later solve of the workbench hung.
    const queue = new SolveQueue<number, number>((n) => {
      if (n === 0) throw new Error('cannot send');
      return Promise.resolve(n * 10);
    });
    await expect(queue.submit(0)).rejects.toThrow('cannot send');
    expect(await queue.submit(2)).toEqual({ kind: 'done', value: 20 });
  });

  it('runs one task at a time, in the order submitted', async () => {
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const queue = new SolveQueue<number, number>(async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      order.push(n);
      running--;
      return n * 10;
    });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => queue.submit(n)));
    expect(answers).toEqual([1, 2, 3, 4].map((n) => ({ kind: 'done', value: n * 10 })));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
  });

  it("lets a newer request of a stream supersede a waiting one, never the running one or another stream's", async () => {
    const seen: string[] = [];
    const queue = new SolveQueue<string, string>(async (t) => {
      seen.push(t);
      await tick();
      return t;
    });
    const running = queue.submit('a1', 'a');
    const waitingA = queue.submit('a2', 'a');
    const waitingB = queue.submit('b1', 'b');
    const plain = queue.submit('p1');
    const newestA = queue.submit('a3', 'a');
    expect(await waitingA).toEqual({ kind: 'superseded' });
    expect(await Promise.all([running, waitingB, plain, newestA])).toEqual(
      ['a1', 'b1', 'p1', 'a3'].map((value) => ({ kind: 'done', value })),
    );
    expect(seen).toEqual(['a1', 'b1', 'p1', 'a3']);
  });

  it('goes on after a task fails', async () => {
    const queue = new SolveQueue<number, number>(async (n) => {
      if (n === 1) throw new Error('boom');
      return n;
    });
    await expect(queue.submit(1)).rejects.toThrow('boom');
    expect(await queue.submit(2)).toEqual({ kind: 'done', value: 2 });
  });
});

describe('solves through HTTP', () => {
  let bench: Bench;
  const held = heldSolver();
  afterAll(async () => bench?.app.close());

  it('answers a superseded edit 204 (no content), solves the newest, never two at once, and serves a repeat from the cache', async () => {
    bench = await workbenchOn('tiny', () => held.solver);
    const zones = zonesOf(bench.scenario);
    const [first] = Object.keys(zones);
    const body = (zone: string) => ({ zones: { ...zones, [first ?? '']: zone } });
    const stream = { 'x-zonal-stream': 'page-1' };
    const one = bench.post('/api/solve', body('Z-ONE'), stream);
    await tick();
    const two = bench.post('/api/solve', body('Z-TWO'), stream);
    await tick();
    const three = bench.post('/api/solve', body('Z-THREE'), stream);
    await tick();
    expect(held.started).toHaveLength(1);
    held.started[0]?.finish({ kind: 'result', result: { status: 'optimal', n: 1 } as never });
    expect((await one).json()).toEqual({ status: 'optimal', n: 1 });
    const superseded = await two;
    expect(superseded.statusCode).toBe(204);
    expect(superseded.headers['x-zonal-superseded']).toBe('1');
    expect(superseded.body).toBe('');
    await tick();
    expect(held.started).toHaveLength(2);
    expect(held.started[1]?.body).toEqual(body('Z-THREE'));
    held.started[1]?.finish({ kind: 'result', result: { status: 'optimal', n: 3 } as never });
    expect((await three).json()).toEqual({ status: 'optimal', n: 3 });
    const again = await bench.post('/api/solve', body('Z-ONE'), stream);
    expect(again.json()).toEqual({ status: 'optimal', n: 1 });
    expect(held.started).toHaveLength(2);
    expect(held.mostAtOnce()).toBe(1);
  });
});

/** The dev server's rebuild queue: debounced, one build at a time, one more for changes made during a build. */
import { describe, expect, it } from 'vitest';
import { rebuildQueue } from '../../src/dev/queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A build that takes `ms` and records what it saw and whether another build ran meanwhile. */
function recorder(ms: number) {
  const builds: string[][] = [];
  let running = 0;
  let overlapped = false;
  return {
    builds,
    get overlapped() {
      return overlapped;
    },
    async build(changes: string[]) {
      running += 1;
      if (running > 1) overlapped = true;
      builds.push(changes);
      await sleep(ms);
      running -= 1;
    },
  };
}

describe('rebuildQueue', () => {
  it('gathers a burst of changes into one build after the debounce time', async () => {
    const r = recorder(5);
    const queue = rebuildQueue((c) => r.build(c), 40);
    for (const f of ['a.txt', 'b.txt', 'a.txt']) {
      queue.change(f);
      await sleep(10);
    }
    expect(r.builds).toEqual([]);
    await sleep(60);
    await queue.idle();
    expect(r.builds).toEqual([['a.txt', 'b.txt']]);
  });

  it('never runs two builds at once, and queues exactly one more for changes made during a build', async () => {
    const r = recorder(150);
    const queue = rebuildQueue((c) => r.build(c), 10);
    queue.now('start');
    await sleep(20);
    expect(queue.running).toBe(true);
    for (const f of ['x.txt', 'y.txt', 'z.txt']) {
      queue.change(f);
      await sleep(25);
    }
    await queue.idle();
    expect(r.overlapped).toBe(false);
    expect(r.builds).toEqual([['start'], ['x.txt', 'y.txt', 'z.txt']]);
  });

  it('runs nothing more once closed, and keeps going after a build that throws', async () => {
    let calls = 0;
    const queue = rebuildQueue(async () => {
      calls += 1;
      throw new Error('broken build');
    }, 10);
    queue.now('start');
    await queue.idle();
    queue.change('a.txt');
    await sleep(30);
    await queue.idle();
    expect(calls).toBe(2);
    queue.change('b.txt');
    queue.close();
    await sleep(30);
    await queue.idle();
    expect(calls).toBe(2);
  });
});

/** Starting worker threads from this package's modules, under tsx (TypeScript) or compiled JS. */
import { Worker } from 'node:worker_threads';

/** Starts `src/<name>.ts` (or `.js`) as a worker; under tsx the worker registers tsx first. */
export function startWorker(name: string, workerData: unknown): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${name}${typescript ? '.ts' : '.js'}`, import.meta.url).href;
  if (!typescript) return new Worker(new URL(entry), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/** Runs a one-shot worker: sends nothing, resolves with its first message. */
export function runWorker<T>(name: string, workerData: unknown): Promise<T> {
  const worker = startWorker(name, workerData);
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (value: T) => {
      resolve(value);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`baokan: worker ${name} exited with code ${code}`));
    });
  });
}

/**
 * Runs a worker that posts `{ batch }` messages and finally `{ done: true }`, handing each batch to
 * `onBatch` in order. The worker may run `credits` batches ahead; each handled batch returns a
 * credit (a message to the worker), so a slow consumer holds back a fast producer. `inputs` are
 * sent to the worker as `{ input }` messages, `credits` of them at first and one more each time
 * a batch says it `took` one, so the worker never holds more than `credits` unused inputs and the
 * rest are not made before they are needed.
 */
export function streamWorker<T>(name: string, workerData: object, credits: number, onBatch: (batch: T) => Promise<void>, inputs?: Iterator<unknown>): Promise<void> {
  const worker = startWorker(name, { ...workerData, credits });
  const send = (n: number): void => {
    for (let k = 0; k < n && inputs; k++) {
      const next = inputs.next();
      if (next.done) return;
      worker.postMessage({ input: next.value });
    }
  };
  send(credits);
  return new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve();
    let finished = false;
    const fail = (error: unknown): void => {
      finished = true;
      void worker.terminate();
      reject(error);
    };
    worker.on('message', (message: { batch?: T; took?: boolean; done?: boolean }) => {
      // At once, not after the batch is written: the worker renders the next issue meanwhile.
      if (message.took) send(1);
      chain = chain.then(async () => {
        if (finished) return;
        if (message.done) {
          finished = true;
          await worker.terminate();
          resolve();
          return;
        }
        await onBatch(message.batch as T);
        worker.postMessage('credit');
      });
      chain.catch(fail);
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!finished && code !== 0) fail(new Error(`baokan: worker ${name} exited with code ${code}`));
    });
  });
}

/**
 * Maps `items` in worker threads `name`, `batch` items a message, through a shared queue (a slow
 * batch does not hold up a whole share). The worker answers `{ id, items }` with `{ id, results }`;
 * results come back in input order, so the output does not depend on scheduling.
 */
export async function mapInWorkers<I, R>(name: string, workerData: unknown, items: I[], batch: number, threads: number): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const batches: { id: number; items: I[] }[] = [];
  for (let i = 0; i < items.length; i += batch) batches.push({ id: i, items: items.slice(i, i + batch) });
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker(name, workerData));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const message = batches.shift();
              if (message) worker.postMessage(message);
              else resolve();
            };
            worker.on('message', ({ id, results: done }: { id: number; results: R[] }) => {
              done.forEach((r, k) => (results[id + k] = r));
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

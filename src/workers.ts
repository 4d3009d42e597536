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
 * credit (a message to the worker), so a slow consumer holds back a fast producer.
 */
export function streamWorker<T>(name: string, workerData: object, credits: number, onBatch: (batch: T) => Promise<void>): Promise<void> {
  const worker = startWorker(name, { ...workerData, credits });
  return new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve();
    let finished = false;
    const fail = (error: unknown): void => {
      finished = true;
      void worker.terminate();
      reject(error);
    };
    worker.on('message', (message: { batch?: T; done?: boolean }) => {
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

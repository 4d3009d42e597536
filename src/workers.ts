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

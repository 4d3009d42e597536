/**
 * Deterministic gzip of many small files, optionally on a second core (Node only).
 *
 * Compression is most of the index build once grams are collected, and the build is otherwise
 * single-threaded at that point, so one helper worker takes files from a shared counter while
 * the main thread does the same. The API stays synchronous: the main thread blocks on
 * `Atomics.wait` and reads the worker's results with `receiveMessageOnPort` (as synckit does).
 * Every file is compressed on its own with the same settings, so the bytes never depend on
 * which thread compressed them.
 */
import { gzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

/** Gzip settings of every index file: level 6 with memLevel 9 is 2x faster than level 9 on the large term files and slightly smaller. */
export const GZIP_OPTIONS = { level: 6, memLevel: 9 } as const;
/** Compressed bytes depend on these, so a cached compression is only valid for the same ones. */
export const COMPRESSOR = `gzip ${GZIP_OPTIONS.level}/${GZIP_OPTIONS.memLevel} zlib ${process.versions.zlib ?? '?'}`;

/** Below this many bytes in total a worker costs more to start than it saves. */
const MIN_PARALLEL_BYTES = 2 * 1024 * 1024;
/** A worker that has not reported after this long is given up on (its files are compressed here). */
const WORKER_TIMEOUT_MS = 120_000;

/** Gzip with a fixed header (no mtime, OS "unknown"), so the bytes do not depend on the machine. */
export function gzip(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(data, GZIP_OPTIONS));
  out[9] = 0xff;
  return out;
}

// Worker side: the same loop as the main thread's, then one message with every result.
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const { data, offsets, control, port, options } = workerData;
const ctl = new Int32Array(control);
const bytes = new Uint8Array(data);
const ends = new Float64Array(offsets);
const results = [];
let error = null;
if (Atomics.compareExchange(ctl, 2, 0, 1) === 0) {
  try {
    for (;;) {
      const i = Atomics.add(ctl, 0, 1);
      if (i >= ends.length - 1) break;
      const out = new Uint8Array(gzipSync(bytes.subarray(ends[i], ends[i + 1]), options));
      out[9] = 0xff;
      results.push(i, out);
    }
  } catch (e) {
    error = String(e && e.stack || e);
  }
  port.postMessage({ results, error });
  Atomics.store(ctl, 1, 1);
  Atomics.notify(ctl, 1);
}
`;

/** Compresses every buffer (see gzip); `threads` > 1 lets one helper worker share the work. */
export function gzipAll(raws: readonly Uint8Array[], threads = availableParallelism(), minParallelBytes = MIN_PARALLEL_BYTES): Uint8Array[] {
  const out = new Array<Uint8Array | undefined>(raws.length);
  const total = raws.reduce((n, r) => n + r.length, 0);
  if (threads > 1 && total >= minParallelBytes && total > 0) gzipWithHelper(raws, total, out);
  // Sequential path, and whatever a failed helper left undone.
  for (let i = 0; i < raws.length; i++) out[i] ??= gzip(raws[i]!);
  return out as Uint8Array[];
}

/** Shares the files with one worker through a shared counter; fills `out` with what got done. */
function gzipWithHelper(raws: readonly Uint8Array[], total: number, out: Array<Uint8Array | undefined>): void {
  const data = new SharedArrayBuffer(total);
  const offsets = new SharedArrayBuffer(8 * (raws.length + 1));
  const bytes = new Uint8Array(data);
  const ends = new Float64Array(offsets);
  let at = 0;
  raws.forEach((r, i) => {
    bytes.set(r, at);
    at += r.length;
    ends[i + 1] = at;
  });
  // [0] next file to take, [1] worker done, [2] 0 = worker not started, 1 = started, 2 = not wanted.
  const control = new SharedArrayBuffer(12);
  const ctl = new Int32Array(control);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { data, offsets, control, port: port2, options: GZIP_OPTIONS },
      transferList: [port2],
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    worker.unref();
  } catch {
    port1.close();
    return;
  }
  for (;;) {
    const i = Atomics.add(ctl, 0, 1);
    if (i >= raws.length) break;
    out[i] = gzip(raws[i]!);
  }
  // The worker never started: tell it not to, and finish without it.
  if (Atomics.compareExchange(ctl, 2, 0, 2) === 0) {
    void worker.terminate();
    port1.close();
    return;
  }
  const deadline = Date.now() + WORKER_TIMEOUT_MS;
  while (Atomics.load(ctl, 1) === 0 && Date.now() < deadline) Atomics.wait(ctl, 1, 0, 100);
  const message = receiveMessageOnPort(port1)?.message as { results: Array<number | Uint8Array>; error: string | null } | undefined;
  void worker.terminate();
  port1.close();
  // Files the worker took but did not return are compressed by the caller (see gzipAll).
  const results = message?.results ?? [];
  for (let k = 0; k < results.length; k += 2) out[results[k] as number] = results[k + 1] as Uint8Array;
}

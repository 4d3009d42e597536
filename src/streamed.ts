/**
 * Output files made piece by piece as they are written (the whole-archive exports), so that a
 * file of hundreds of megabytes is never in memory at once. Such contents can be iterated more
 * than once, each time making the same bytes anew: once to digest them (is the file unchanged
 * since the last build?) and once to write them.
 */
import { createHash } from 'node:crypto';
import type { OutputFile, StreamedContents } from './types.js';

/** Contents that `make` produces chunk by chunk, anew on every iteration. */
export function streamed(make: () => AsyncIterable<string | Uint8Array>): StreamedContents {
  return {
    streamed: true,
    async *[Symbol.asyncIterator]() {
      for await (const chunk of make()) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    },
  };
}

/** SHA-1 (hex, as the reuse manifest keeps digests) and size of streamed contents, made once and dropped chunk by chunk. */
export async function measureStreamed(contents: StreamedContents): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha1');
  let size = 0;
  for await (const chunk of contents) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { digest: hash.digest('hex'), size };
}

/** All the bytes of a file (for tests; a streamed file is made whole here). */
export async function bytesOf(file: OutputFile): Promise<Buffer> {
  if (!file.stream) return Buffer.from(file.contents);
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

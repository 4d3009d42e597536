/**
 * A cache file written while the build goes on, under a temporary name beside its place, and
 * put in place only once the build has succeeded. A stage can let go of what it saves as soon
 * as it ends, and a failed build still leaves the last good file as it was.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface StagedFile {
  /** Puts the file in place of the last build's. */
  commit(): Promise<void>;
  /** Removes the temporary file. */
  abort(): Promise<void>;
}

let staged = 0;

/** Writes `file` under a temporary name (`write` fills it; unique to this build, even beside another in the same process). */
export async function stageFile(file: string, write: (temporary: string) => Promise<void>): Promise<StagedFile> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${++staged}.tmp`;
  try {
    await write(temporary);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { commit: () => rename(temporary, file), abort: () => rm(temporary, { force: true }) };
}

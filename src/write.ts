/**
 * The last stage: writes the site into a staging folder next to the output folder, then swaps it
 * in with renames, so a failed or killed build never leaves a half-written site. Leftovers of a
 * killed build are cleaned (or, when the swap itself was interrupted, the old site restored)
 * before the next one starts.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './types.js';

const STAGING = '.baokan-staging-';
const RETIRED = '.baokan-old-';

/** Removes staging folders of killed builds and restores a site retired by an interrupted swap. */
export async function recoverOutput(out: string): Promise<void> {
  const dir = path.dirname(out);
  const name = path.basename(out);
  const siblings = await readdir(dir).catch(() => [] as string[]);
  const outExists = siblings.includes(name);
  const retired = siblings.filter((s) => s.startsWith(`${name}${RETIRED}`)).sort();
  if (!outExists && retired.length > 0) {
    await rename(path.join(dir, retired.pop() as string), out);
  }
  for (const s of siblings) {
    if (s.startsWith(`${name}${STAGING}`) || retired.includes(s)) await rm(path.join(dir, s), { recursive: true, force: true });
  }
}

/** A staging folder being filled; `commit` swaps it in place of the output folder. */
export interface Staging {
  /** Writes (or links) a batch of files into the staging folder. */
  write(files: OutputFile[]): Promise<void>;
  /** Swaps the staging folder in place of the output folder. */
  commit(): Promise<void>;
  /** Removes the staging folder; the previous output stays as it was. */
  abort(): Promise<void>;
}

/** Opens a staging folder next to `out` (after cleaning leftovers of killed builds). */
export async function openStaging(out: string): Promise<Staging> {
  const absolute = path.resolve(out);
  await mkdir(path.dirname(absolute), { recursive: true });
  await recoverOutput(absolute);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${absolute}${STAGING}${tag}`;
  await mkdir(staging);
  const made = new Set<string>();
  return {
    async write(files) {
      const dirs = [...new Set(files.map((f) => path.dirname(path.join(staging, f.path))))].filter((d) => !made.has(d)).sort();
      for (const d of dirs) {
        await mkdir(d, { recursive: true });
        made.add(d);
      }
      // Bounded concurrency keeps file handles in check.
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let f = files[next++]; f; f = files[next++]) {
          const target = path.join(staging, f.path);
          // An unchanged file of the previous build is linked, not rewritten (a copy where links fail).
          if (f.reuse) {
            const from = f.reuse;
            await link(from, target).catch(() => (f.contents === '' ? copyFile(from, target) : writeFile(target, f.contents)));
          } else await writeFile(target, f.contents);
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
    },
    async commit() {
      const retired = `${absolute}${RETIRED}${tag}`;
      const hadOld = await rename(absolute, retired).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return false;
          throw e;
        },
      );
      await rename(staging, absolute);
      if (hadOld) await rm(retired, { recursive: true, force: true });
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}

/** Writes all files to a staging folder and swaps it in place of `out`. */
export async function writeOutput(out: string, files: OutputFile[]): Promise<void> {
  const staging = await openStaging(out);
  try {
    await staging.write(files);
  } catch (error) {
    await staging.abort();
    throw error;
  }
  await staging.commit();
}

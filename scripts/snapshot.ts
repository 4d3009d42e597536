/**
 * A copy of what building and packing baokan read from the repository (sources, scripts,
 * templates, styles, package files), so a measurement or a test is not changed by edits made
 * meanwhile. Its node_modules links to the repository's packages but keeps a cache of its own.
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';

const PARTS = ['src', 'scripts', 'templates', 'public', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Copies the repository at `root` to `dir` (created) and returns `dir`. */
export async function snapshotRepository(root: string, dir: string): Promise<string> {
  for (const name of PARTS) await cp(path.join(root, name), path.join(dir, name), { recursive: true });
  await mkdir(path.join(dir, 'node_modules'));
  for (const name of await readdir(path.join(root, 'node_modules'))) {
    if (name !== '.cache') await symlink(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

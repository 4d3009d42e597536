/** Runs the real CLI (`npm run build` without npm) in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const BIN = path.join(ROOT, 'src/bin.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `baokan` with `args` synchronously, from the project root unless `cwd` is given. */
export function runCli(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(TSX, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `baokan` in the background as one process (so a kill reaches the build itself). */
export function startCli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
}

/** Starts `baokan` and kills it (SIGKILL) after `delay` ms, or lets it finish if it is quicker. */
export async function killCliAfter(args: string[], delay: number): Promise<void> {
  const child = startCli(args);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  await exited;
}

/** Every file below `dir` with its sha256, sorted by path: a fingerprint of a folder. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  const out: Record<string, string> = {};
  for (const f of files) out[f] = createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex');
  return out;
}

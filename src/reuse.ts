/**
 * Reusing the previous build's output. An issue's pages (the issue, its 版 and its articles)
 * and its data API file depend only on the issue itself, its neighbours in the paper
 * (上一期/下一期), the base, the templates and the renderer; a key over exactly those says whether last build's files are
 * still right, and then they are not even rendered. Every other file is compared by digest.
 * Both need the output folder to be as the last build left it: the manifest (kept in the cache
 * folder) records each issue's key and files, every file's digest, and the folder's identity.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Site } from './site.js';
import { reprintKeys } from './reprints/index.js';
import { entityPageShows } from './render/index.js';
import type { OutputFile } from './types.js';

export interface ReuseManifest {
  /** Absolute output folder the files are in. */
  out: string;
  /**
   * Identity of that folder as this build left it (inode and change time): a build that did not
   * update the manifest (say with --no-cache) replaces the folder, and then nothing is reused.
   */
  outId?: string;
  issues: Record<string, ReusedPages>;
  /** Each entity page's key and file by entity id, reused the same way (absent in older manifests). */
  entities?: Record<string, ReusedPages>;
  /** SHA-1 of every file's contents, so files whose bytes did not change are not written again. */
  digests: Record<string, string>;
}

/** The render key of some pages and the files they were written to. */
export interface ReusedPages {
  key: string;
  paths: string[];
}

const MANIFEST = 'manifest.json';

/**
 * The cache folder of one output folder (its manifest and search state): one per output, so
 * building into two folders in turn does not make each forget the other.
 */
export function outputCacheDir(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'outputs', createHash('sha1').update(path.resolve(out)).digest('hex').slice(0, 16));
}

/**
 * Digest of everything rendering depends on besides the site: renderer code (`code`, globs below
 * `root`; the compiled command passes its bundle), templates, version.
 */
export async function renderFingerprint(
  root: string,
  templates: Record<string, string>,
  generator: string,
  code = ['src/render/**/*.ts', 'src/site.ts', 'src/api.ts', 'src/cite/**/*.ts', 'src/parse/byline.ts', 'src/parts.ts', 'src/reprints/**/*.ts'],
): Promise<string> {
  const hash = createHash('sha256').update(generator);
  for (const name of (await fg(code, { cwd: root })).sort()) {
    hash.update(name).update('\0').update(await readFile(path.join(root, name)));
  }
  for (const [name, text] of Object.entries(templates).sort()) hash.update(name).update('\0').update(text);
  return hash.digest('hex');
}

/** The key of each issue's pages: the issue, its neighbours, the base and the fingerprint. */
export function issueKeys(site: Site, fingerprint: string): Map<string, string> {
  const keys = new Map<string, string>();
  const reprinted = reprintKeys(site);
  for (const paper of site.papers) {
    paper.issues.forEach((issue, i) => {
      const neighbour = (j: number) => {
        const n = paper.issues[j];
        return n ? { id: n.id, url: n.url, date: n.date, issueNumber: n.issueNumber } : null;
      };
      const hash = createHash('sha256').update(fingerprint).update(site.base);
      // With --explain the articles carry their blocks, which changes the key: only a re-render.
      hash.update(JSON.stringify({ issue, previous: neighbour(i - 1), next: neighbour(i + 1) }));
      // Pages link to copies in other issues (同文另见): what they show of them.
      hash.update(reprinted(issue));
      keys.set(issue.id, hash.digest('hex'));
    });
  }
  return keys;
}

/** The key of each entity's page: what it shows (its articles' titles, dates, papers), the base and the fingerprint. */
export function entityKeys(site: Site, fingerprint: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [id, shows] of entityPageShows(site)) keys.set(id, createHash('sha256').update(fingerprint).update(site.base).update(shows).digest('hex'));
  return keys;
}

/** Ids whose key equals the one recorded for them in the last build (their pages need no render). */
export function unchangedKeys(keys: ReadonlyMap<string, string>, recorded: Record<string, ReusedPages> | undefined): Set<string> {
  return new Set([...keys].filter(([id, key]) => recorded?.[id]?.key === key).map(([id]) => id));
}

/**
 * Reads the manifest when it describes `out` as it is now (the folder's identity matches);
 * files in `out` are taken to be as the last build left them (the output folder is baokan's).
 */
export async function readReusable(cacheDir: string, out: string): Promise<ReuseManifest | null> {
  let manifest: ReuseManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(cacheDir, MANIFEST), 'utf8')) as ReuseManifest;
  } catch {
    return null;
  }
  if (manifest.out !== path.resolve(out) || typeof manifest.digests !== 'object' || typeof manifest.issues !== 'object') return null;
  if (!manifest.outId || manifest.outId !== (await folderId(manifest.out))) return null;
  return manifest;
}

/**
 * Marks the files whose contents equal last build's file at the same path as `unchanged`, so
 * the in-place update skips them; returns every file's digest for the next manifest. Streamed
 * files are digested by the caller (`streamed`, by path), since making them takes a pass.
 */
export function markUnchanged(
  files: OutputFile[],
  previous: ReuseManifest | null,
  streamed: ReadonlyMap<string, string> = new Map(),
): { files: OutputFile[]; digests: Record<string, string> } {
  const digests: Record<string, string> = {};
  const marked = files.map((f) => {
    if (f.unchanged) {
      digests[f.path] = previous?.digests[f.path] ?? '';
      return f;
    }
    const digest = f.stream ? streamed.get(f.path) : createHash('sha1').update(f.contents).digest('hex');
    if (digest === undefined) throw new Error(`baokan: ${f.path} is streamed: digest it before comparing it with the last build`);
    digests[f.path] = digest;
    return previous && previous.digests[f.path] === digest ? { path: f.path, contents: '', unchanged: true } : f;
  });
  return { files: marked, digests };
}

/** The files of an issue (or entity) that was not rendered again: unchanged since the last build. */
export function reusedFiles(recorded: Record<string, ReusedPages> | undefined, id: string): OutputFile[] {
  return (recorded?.[id]?.paths ?? []).map((p) => ({ path: p, contents: '', unchanged: true }));
}

/** Files of the last build that this one does not have (to delete from the output folder). */
export function removedFiles(previous: ReuseManifest, files: OutputFile[]): string[] {
  const kept = new Set(files.map((f) => f.path));
  return Object.keys(previous.digests).filter((p) => !kept.has(p)).sort();
}

/** Forgets the manifest (before an in-place update changes the folder it describes). */
export async function dropManifest(cacheDir: string): Promise<void> {
  await rm(path.join(cacheDir, MANIFEST), { force: true });
}

/** The manifest of this build: each issue's and entity page's key and files (pages under its URL, an issue's API file). */
export function manifestOf(
  site: Site,
  keys: { issues: Map<string, string>; entities: Map<string, string> },
  files: OutputFile[],
  out: string,
  digests: Record<string, string>,
): ReuseManifest {
  const issues: ReuseManifest['issues'] = {};
  const entities: Record<string, ReusedPages> = {};
  const byDir = new Map<string, string>();
  for (const paper of site.papers) for (const issue of paper.issues) byDir.set(issue.url.slice(site.base.length), issue.id);
  const byApi = new Map<string, string>();
  for (const paper of site.papers) for (const issue of paper.issues) byApi.set(issue.api.slice(site.base.length), issue.id);
  const byEntityDir = new Map((site.entities ?? []).map((e) => [e.url.slice(site.base.length), e.id]));
  for (const f of files) {
    // Everything under the issue's folder (its pages, its articles' citation files) is the issue's.
    const dir = f.path.split('/').slice(0, 2).join('/') + '/';
    const entity = byEntityDir.get(dir);
    if (entity) (entities[entity] ??= { key: keys.entities.get(entity) ?? '', paths: [] }).paths.push(f.path);
    const id = byDir.get(dir) ?? byApi.get(f.path);
    if (!id) continue;
    (issues[id] ??= { key: keys.issues.get(id) ?? '', paths: [] }).paths.push(f.path);
  }
  return { out: path.resolve(out), issues, entities, digests };
}

/** Writes the manifest into the cache folder, stamped with the output folder's identity. */
export async function writeManifest(cacheDir: string, manifest: ReuseManifest): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const stamped = { ...manifest, outId: await folderId(manifest.out) };
  await writeFile(path.join(cacheDir, MANIFEST), JSON.stringify(stamped));
}

/** Inode and change time of a folder, or null when it does not exist. */
async function folderId(dir: string): Promise<string | null> {
  const s = await stat(dir, { bigint: true }).catch(() => null);
  return s ? `${s.ino}-${s.ctimeNs}` : null;
}

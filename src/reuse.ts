/**
 * Reusing the previous build's pages of unchanged issues. An issue's pages (the issue, its 版
 * and its articles) depend only on the issue itself, its neighbours in the paper (上一期/下一期),
 * the base, the templates and the renderer; a key over exactly those says whether last build's
 * files can be linked into the new output instead of being rendered and written again.
 * The manifest (kept in the cache folder) records each issue's key and files.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Site } from './site.js';
import type { OutputFile } from './types.js';

export interface ReuseManifest {
  /** Absolute output folder the files are in. */
  out: string;
  /**
   * Identity of that folder as this build left it (inode and change time): a build that did not
   * update the manifest (say with --no-cache) replaces the folder, and then nothing is reused.
   */
  outId?: string;
  issues: Record<string, { key: string; paths: string[] }>;
  /** SHA-1 of every file's contents, so unchanged files can be linked instead of written. */
  digests: Record<string, string>;
}

const MANIFEST = 'render-manifest.json';

/** Digest of everything rendering depends on besides the site: renderer code, templates, version. */
export async function renderFingerprint(root: string, templates: Record<string, string>, generator: string): Promise<string> {
  const hash = createHash('sha256').update(generator);
  for (const name of (await fg(['src/render/**/*.ts', 'src/site.ts'], { cwd: root })).sort()) {
    hash.update(name).update('\0').update(await readFile(path.join(root, name)));
  }
  for (const [name, text] of Object.entries(templates).sort()) hash.update(name).update('\0').update(text);
  return hash.digest('hex');
}

/** The key of each issue's pages: the issue, its neighbours, the base and the fingerprint. */
export function issueKeys(site: Site, fingerprint: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const paper of site.papers) {
    paper.issues.forEach((issue, i) => {
      const neighbour = (j: number) => {
        const n = paper.issues[j];
        return n ? { id: n.id, url: n.url, date: n.date, issueNumber: n.issueNumber } : null;
      };
      const hash = createHash('sha256').update(fingerprint).update(site.base);
      hash.update(JSON.stringify({ issue, previous: neighbour(i - 1), next: neighbour(i + 1) }));
      keys.set(issue.id, hash.digest('hex'));
    });
  }
  return keys;
}

/** Reads the manifest and keeps the issues whose files are all still in `out`. */
export async function readReusable(cacheDir: string, out: string): Promise<ReuseManifest | null> {
  let manifest: ReuseManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(cacheDir, MANIFEST), 'utf8')) as ReuseManifest;
  } catch {
    return null;
  }
  if (manifest.out !== path.resolve(out) || typeof manifest.digests !== 'object') return null;
  if (!manifest.outId || manifest.outId !== (await folderId(manifest.out))) return null;
  const kept: ReuseManifest['issues'] = {};
  for (const [id, entry] of Object.entries(manifest.issues ?? {})) {
    const present = await Promise.all(entry.paths.map((p) => stat(path.join(manifest.out, p)).then((s) => s.isFile(), () => false)));
    if (present.every(Boolean)) kept[id] = entry;
  }
  return { out: manifest.out, issues: kept, digests: manifest.digests };
}

/**
 * Marks the files whose contents equal last build's file at the same path, so the write stage
 * links them instead of writing them again; returns every file's digest for the next manifest.
 * (A link that fails falls back to writing the contents.)
 */
export function linkUnchanged(files: OutputFile[], previous: ReuseManifest | null): { files: OutputFile[]; digests: Record<string, string> } {
  const digests: Record<string, string> = {};
  const marked = files.map((f) => {
    if (f.reuse) {
      digests[f.path] = previous?.digests[f.path] ?? '';
      return f;
    }
    const digest = createHash('sha1').update(f.contents).digest('hex');
    digests[f.path] = digest;
    return previous && previous.digests[f.path] === digest ? { ...f, reuse: path.join(previous.out, f.path) } : f;
  });
  return { files: marked, digests };
}

/** Output files that link last build's files of an issue into the new output. */
export function reusedFiles(previous: ReuseManifest, id: string): OutputFile[] {
  return (previous.issues[id]?.paths ?? []).map((p) => ({ path: p, contents: '', reuse: path.join(previous.out, p) }));
}

/** The manifest of this build: each issue's key and the files under its URL. */
export function manifestOf(site: Site, keys: Map<string, string>, files: OutputFile[], out: string, digests: Record<string, string>): ReuseManifest {
  const issues: ReuseManifest['issues'] = {};
  const byDir = new Map<string, string>();
  for (const paper of site.papers) for (const issue of paper.issues) byDir.set(issue.url.slice(site.base.length), issue.id);
  for (const f of files) {
    if (!f.path.endsWith('.html')) continue;
    const dir = f.path.split('/').slice(0, 2).join('/') + '/';
    const id = byDir.get(dir);
    if (!id) continue;
    (issues[id] ??= { key: keys.get(id) ?? '', paths: [] }).paths.push(f.path);
  }
  return { out: path.resolve(out), issues, digests };
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

/**
 * The site configuration file, `baokan.config.json` (optional): what a deployment always builds
 * with, so the command line stays short. Read from the working directory, or from `--config FILE`.
 *
 *   { "title": "…", "origin": "https://example.org", "base": "/archive/",
 *     "input": "pages", "out": "dist", "papers": [{ "id", "name", "district", "aliases", "places" }] }
 *
 * Every key is optional; flags on the command line win over the file. Folders are relative to
 * the file's own folder. Any problem is a configuration error naming the key (exit status 2).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Paper } from './types.js';

/** The file looked for in the working directory when no `--config` is given. */
export const CONFIG_FILE = 'baokan.config.json';

/** A validated configuration; folders are absolute. */
export interface SiteConfig {
  title?: string;
  origin?: string;
  base?: string;
  input?: string;
  out?: string;
  papers?: Paper[];
}

/** A configuration problem: the build does not start (exit status 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KEYS = ['$schema', 'title', 'origin', 'base', 'input', 'out', 'papers'] as const;
const PAPER_KEYS = ['id', 'name', 'district', 'aliases', 'places'] as const;
/** Keys people reach for that mean one of ours. */
const SYNONYMS: Record<string, string> = { output: 'out', outDir: 'out', dist: 'out', inputDir: 'input', basePath: 'base', url: 'origin', siteUrl: 'origin', name: 'title', siteName: 'title' };

/**
 * Reads the configuration: `explicit` (from `--config`, which must exist), else `baokan.config.json`
 * in `cwd` when there is one, else an empty configuration.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<{ config: SiteConfig; file: string | null }> {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { config: {}, file: null };
    throw new ConfigError(`${explicit ?? CONFIG_FILE}: cannot read the configuration file (${code ?? (error as Error).message})`);
  }
  const label = explicit ?? CONFIG_FILE;
  return { config: parseConfig(text, label, path.dirname(file)), file };
}

/** Parses and validates the text of a configuration file; `dir` resolves its folders. Pure. */
export function parseConfig(text: string, label: string, dir: string): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${label}${jsonErrorPlace(text, error as Error)}: not valid JSON: ${(error as Error).message}`);
  }
  return validateConfig(json, label, dir);
}

/** Checks a parsed configuration and normalises it (origin without a trailing slash, folders absolute). */
export function validateConfig(json: unknown, label: string, dir: string): SiteConfig {
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(`${label}: "${key}" ${problem}`);
  };
  if (!isObject(json)) throw new ConfigError(`${label}: the configuration must be a JSON object such as { "title": "…" }`);
  for (const key of Object.keys(json)) {
    if ((KEYS as readonly string[]).includes(key)) continue;
    const meant = SYNONYMS[key];
    fail(key, `is not a configuration key${meant ? ` (did you mean "${meant}"?)` : ''}; known keys: ${KEYS.slice(1).join(', ')}`);
  }
  const config: SiteConfig = {};
  if (json.title !== undefined) config.title = text(json.title, 'title', fail);
  if (json.origin !== undefined) config.origin = origin(json.origin, fail);
  if (json.base !== undefined) {
    const base = text(json.base, 'base', fail);
    if (!isUrlPath(base)) fail('base', `must be a URL path such as /archive/, not ${JSON.stringify(base)}`);
    config.base = base;
  }
  for (const key of ['input', 'out'] as const) {
    if (json[key] !== undefined) config[key] = path.resolve(dir, text(json[key], key, fail));
  }
  if (json.papers !== undefined) config.papers = papers(json.papers, fail);
  return config;
}

/** A --base value (or "base" key) that can be normalised to '/sub/path/'. */
export function isUrlPath(base: string): boolean {
  return !/[\s?#\\]|\.\./.test(base) && !/[\u0000-\u001f]/.test(base);
}

/** `https://host[:port]`, without a trailing slash; null when `value` is not such an origin. */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  if (!/^https:\/\/[^/?#]+\/?$/.test(value)) return null;
  return url.origin;
}

/**
 * The built-in registry with the configuration's papers merged in: an entry whose id is a
 * built-in paper's replaces it, others are added. Throws when two papers would share a name.
 */
export function mergePapers(builtIn: Paper[], extra: Paper[], label = CONFIG_FILE): Paper[] {
  const ids = new Set(extra.map((p) => p.id));
  const merged = [...builtIn.filter((p) => !ids.has(p.id)), ...extra];
  const owner = new Map<string, string>();
  for (const paper of merged) {
    for (const name of new Set([paper.id, paper.name, ...(paper.aliases ?? [])])) {
      const other = owner.get(name);
      if (other && other !== paper.id) {
        const i = extra.findIndex((p) => p.id === paper.id || p.id === other);
        throw new ConfigError(`${label}: "papers[${i}]": the name ${JSON.stringify(name)} is used by both ${other} and ${paper.id}; a page naming it could belong to either`);
      }
      owner.set(name, paper.id);
    }
  }
  return merged;
}

type Fail = (key: string, problem: string) => never;

function origin(value: unknown, fail: Fail): string {
  const given = text(value, 'origin', fail);
  return parseOrigin(given) ?? fail('origin', `must be the https:// origin the site is served from, such as https://example.org (no path: that is "base"), not ${JSON.stringify(given)}`);
}

function papers(value: unknown, fail: Fail): Paper[] {
  if (!Array.isArray(value)) fail('papers', 'must be a list of papers: [{ "id": "…", "name": "…", "district": "…" }]');
  const list = value as unknown[];
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const key = `papers[${i}]`;
    if (!isObject(entry)) fail(key, 'must be an object with "id" and "name"');
    const p = entry as Record<string, unknown>;
    for (const k of Object.keys(p)) {
      if (!(PAPER_KEYS as readonly string[]).includes(k)) fail(`${key}.${k}`, `is not a paper key; known keys: ${PAPER_KEYS.join(', ')}`);
    }
    if (p.id === undefined) fail(`${key}.id`, 'is missing: every paper needs an id, its URL slug (such as pudong-times)');
    const id = text(p.id, `${key}.id`, fail);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail(`${key}.id`, `must be a URL slug of lowercase letters, digits and single hyphens (such as pudong-times), not ${JSON.stringify(id)}`);
    if (seen.has(id)) fail(`${key}.id`, `repeats ${JSON.stringify(id)}; each paper is listed once`);
    seen.add(id);
    if (p.name === undefined) fail(`${key}.name`, 'is missing: every paper needs the name it prints (such as 浦东时报)');
    const paper: Paper = { id, name: safeName(p.name, `${key}.name`, fail), district: null };
    if (p.district !== undefined && p.district !== null) paper.district = safeName(p.district, `${key}.district`, fail);
    for (const list of ['aliases', 'places'] as const) {
      if (p[list] === undefined) continue;
      if (!Array.isArray(p[list])) fail(`${key}.${list}`, 'must be a list of strings');
      paper[list] = (p[list] as unknown[]).map((item, j) => safeName(item, `${key}.${list}[${j}]`, fail));
    }
    return paper;
  });
}

/** A non-empty one-line string. */
function text(value: unknown, key: string, fail: Fail): string {
  if (typeof value !== 'string') fail(key, `must be a string, not ${describe(value)}`);
  const s = value as string;
  if (s.trim() === '') fail(key, 'must not be empty');
  if (/[\u0000-\u001f\u007f]/.test(s)) fail(key, 'must be one line without control characters');
  return s;
}

/** A name that ends up in pages, URLs of the data API and messages: no markup or path characters. */
function safeName(value: unknown, key: string, fail: Fail): string {
  const s = text(value, key, fail).trim();
  if (/[/\\<>]|\.\./.test(s)) fail(key, `must not contain /, \\, <, > or "..", not ${JSON.stringify(s)}`);
  return s;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** `:line:col` of a JSON.parse error, when the engine gives its position. */
function jsonErrorPlace(source: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return '';
  const before = source.replace(/^\uFEFF/, '').slice(0, Number(at[1]));
  const lines = before.split('\n');
  return `:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
}

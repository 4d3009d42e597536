/**
 * Optional YAML front matter at the top of a page file (parsed by gray-matter), validated into
 * typed `FrontMatter`. Problems become diagnostics on the file with the line of the offending key.
 */
import matter from 'gray-matter';
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import type { FrontMatter } from './types.js';

export interface SplitPage {
  frontMatter: FrontMatter;
  body: string;
  bodyLine: number;
  /** False when the front matter is unusable (the file is rejected). */
  ok: boolean;
}

const KNOWN_KEYS = ['paper', 'date', 'page', 'pageName', 'issueNumber', 'totalNumber'] as const;
// Control characters, path separators and parent-directory steps would escape the output
// folder or break URLs when a value ends up in a path or a link.
const UNSAFE = /[\u0000-\u001f\u007f/\\<>]|\.\./;

/** Splits `text` (line endings already normalised) into validated front matter and body. */
export function splitFrontMatter(file: VFile, text: string): SplitPage {
  const fence = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!fence) return { frontMatter: {}, body: text, bodyLine: 1, ok: true };
  const raw = fence[1] ?? '';
  const bodyLine = fence[0].split('\n').length - (fence[0].endsWith('\n') ? 1 : 0) + 1;
  const body = text.slice(fence[0].length);
  let data: Record<string, unknown>;
  try {
    // A fresh object each time: gray-matter caches results by input string.
    data = matter(text.slice(0, fence[0].length), { excerpt: false }).data as Record<string, unknown>;
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = String((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0] ?? '';
    report(file, 'front-matter-yaml', `Front matter is not valid YAML: ${reason}`, {
      line: (mark?.line ?? 0) + 2,
      column: (mark?.column ?? 0) + 1,
    });
    return { frontMatter: {}, body, bodyLine, ok: false };
  }
  const lineOf = (key: string): { line: number; column: number } => {
    const index = raw.split('\n').findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}"`));
    return { line: index >= 0 ? index + 2 : 1, column: 1 };
  };
  const frontMatter: FrontMatter = {};
  let ok = true;
  const fail = (key: string, rule: 'front-matter-type' | 'front-matter-unsafe', reason: string): void => {
    report(file, rule, reason, lineOf(key));
    ok = false;
  };
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      report(file, 'front-matter-unknown-key', `Unknown front matter key \`${key}\` is ignored`, lineOf(key));
      continue;
    }
    const k = key as (typeof KNOWN_KEYS)[number];
    if (k === 'page') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 999) {
        fail(k, 'front-matter-type', `\`page\` must be a whole number from 1 to 999, not ${JSON.stringify(value)}`);
      } else frontMatter.page = value;
      continue;
    }
    if (k === 'date') {
      // js-yaml turns unquoted dates into Date objects and rolls 2022-02-30 over to March:
      // validate the text as written instead.
      const written = value instanceof Date ? rawValue(raw, k) : value;
      const iso = toIsoDate(written);
      if (iso) frontMatter.date = iso;
      else fail(k, 'front-matter-type', `\`date\` must be a date like 2022-01-17, not ${JSON.stringify(String(value))}`);
      continue;
    }
    if (k === 'issueNumber' || k === 'totalNumber') {
      const digits = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/\D/g, '') : '';
      if (!/^\d{1,7}$/.test(digits)) {
        fail(k, 'front-matter-type', `\`${k}\` must be a number such as ${k === 'issueNumber' ? '3 or 第3期' : '1657 or 总第1657期'}`);
      } else frontMatter[k] = k === 'issueNumber' ? `第${Number(digits)}期` : `总第${Number(digits)}期`;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      fail(k, 'front-matter-type', `\`${k}\` must be a non-empty text, not ${JSON.stringify(value)}`);
    } else if (UNSAFE.test(value)) {
      fail(k, 'front-matter-unsafe', `\`${k}\` contains characters that would break paths or URLs: ${JSON.stringify(value)}`);
    } else frontMatter[k] = value.trim();
  }
  return { frontMatter, body, bodyLine, ok };
}

/** The text written after `key:` in the raw front matter, without quotes. */
function rawValue(raw: string, key: string): string {
  const line = raw.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '';
  return line.slice(key.length + 1).trim().replace(/^["']|["']$/g, '');
}

/** An ISO yyyy-mm-dd string naming a real calendar day, else null. */
function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

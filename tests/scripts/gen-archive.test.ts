import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraPage, generateArchive, readSeedTexts, type GeneratedFile } from '../../scripts/gen-archive.js';

const PATH_RE = /^([a-z]+-[a-z]+)\/(\d{4})\/(\d{4}-\d{2}-\d{2})-(\d{2})\.txt$/;

/** The page text a reader sees: no BOM, LF line endings, no front matter. */
function body(file: GeneratedFile): string {
  return file.contents.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
}

function digest(files: GeneratedFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update('\0').update(f.contents).update('\0');
  return h.digest('hex');
}

function bigrams(text: string, visit: (b: string) => void): void {
  for (const line of text.split('\n')) {
    const s = line.replace(/\s+/g, '');
    for (let i = 0; i + 1 < s.length; i++) visit(s.slice(i, i + 2));
  }
}

// One mid-sized archive shared by the content checks.
const archive = generateArchive({ articles: 2000, seed: 5 });

describe('gen-archive: determinism', () => {
  it('gives identical files for the same arguments', () => {
    const a = generateArchive({ articles: 700, seed: 9 });
    const b = generateArchive({ articles: 700, seed: 9 });
    expect(b.files.length).toBe(a.files.length);
    expect(digest(b.files)).toBe(digest(a.files));
  });

  it('gives different files for a different seed, and defaults to seed 1', () => {
    const a = generateArchive({ articles: 700, seed: 9 });
    const c = generateArchive({ articles: 700, seed: 10 });
    expect(digest(c.files)).not.toBe(digest(a.files));
    expect(digest(generateArchive({ articles: 300 }).files)).toBe(digest(generateArchive({ articles: 300, seed: 1 }).files));
  });
});

describe('gen-archive: size', () => {
  // Tolerance: none. The count is exact (stories + briefs; a story jumped across two 版 counts once).
  it.each([1, 7, 250, 1000, 2000])('makes exactly %i articles', (n) => {
    const out = n === 2000 ? archive : generateArchive({ articles: n, seed: 2 });
    expect(out.articles).toBe(n);
    expect(out.pages).toBe(out.files.length);
    expect(out.issues).toBeGreaterThan(0);
    expect(out.issues).toBeLessThanOrEqual(out.pages);
  });

  it('spreads the archive over several papers, issues and 版', () => {
    const papers = new Set(archive.files.map((f) => f.path.split('/')[0]));
    expect(papers.size).toBeGreaterThanOrEqual(6);
    const perIssue = new Map<string, number>();
    for (const f of archive.files) {
      const m = PATH_RE.exec(f.path);
      const key = `${m?.[1]}/${m?.[3]}`;
      perIssue.set(key, (perIssue.get(key) ?? 0) + 1);
    }
    expect(perIssue.size).toBe(archive.issues);
    expect(Math.max(...perIssue.values())).toBeGreaterThanOrEqual(6);
    expect(archive.articles / archive.pages).toBeGreaterThan(4);
    expect(archive.articles / archive.pages).toBeLessThan(8);
  });
});

describe('gen-archive: real text', () => {
  it('uses the seeds’ own character bigrams (≥ 95% of Han bigram occurrences)', () => {
    const seed = new Set<string>();
    for (const t of readSeedTexts()) bigrams(t, (b) => seed.add(b));
    let hit = 0;
    let all = 0;
    for (const f of archive.files) {
      bigrams(body(f), (b) => {
        if (!/[\u4e00-\u9fff]/.test(b)) return;
        all++;
        if (seed.has(b)) hit++;
      });
    }
    expect(all).toBeGreaterThan(500_000);
    expect(hit / all).toBeGreaterThanOrEqual(0.95);
  });

  it('varies the text: most long blocks are distinct, and papers get their own places', () => {
    const blocks = archive.files.flatMap((f) => body(f).split(/\n\s*\n/)).map((b) => b.trim()).filter((b) => b.length >= 60);
    expect(new Set(blocks).size / blocks.length).toBeGreaterThan(0.6);
    const xuhui = archive.files.filter((f) => f.path.startsWith('xuhui-news/')).map(body).join('');
    const huangpu = archive.files.filter((f) => f.path.startsWith('huangpu-news/')).map(body).join('');
    expect(huangpu).toMatch(/黄浦/);
    expect(huangpu).not.toMatch(/杨浦|虹口区/);
    expect(xuhui).toMatch(/徐汇/);
  });
});

describe('gen-archive: layout', () => {
  const all = archive.files.map((f) => f.contents);
  const count = (re: RegExp): number => all.filter((c) => re.test(c)).length;

  it('has the messy features of the seed pages', () => {
    expect(count(/\r\n/)).toBeGreaterThan(0); // CRLF files
    expect(count(/^\uFEFF/)).toBeGreaterThan(0); // BOM
    expect(count(/^(?:\uFEFF)?---\r?\npaper: /)).toBeGreaterThan(0); // front matter
    expect(count(/\u3000\u3000/)).toBeGreaterThan(0); // full-width indentation
    expect(count(/准印证号\(B\)\d{4} \/ 第\d+期\(总第\d+期\) \/ \d{4}年\d{1,2}月\d{1,2}日 星期./)).toBeGreaterThan(0); // masthead
    expect(count(/APP\r?\n/)).toBeGreaterThan(0);
    expect(count(/^第\d版 \S+$/m)).toBeGreaterThan(0); // 版 header lines
    expect(count(/\(下转第\d版\)/)).toBeGreaterThan(0);
    expect(count(/\S下转▶\d版/)).toBeGreaterThan(0); // glued to text
    expect(count(/\(上接第\d版\)/)).toBeGreaterThan(0);
    expect(count(/^刊\d版▶/m)).toBeGreaterThan(0); // teaser
    expect(count(/^大字新闻\r?$/m)).toBeGreaterThan(0); // banner
    expect(count(/^(?:\u3000\u3000)?□ \S/m)).toBeGreaterThan(0); // briefs
    expect(count(/^\S{2,3} 摄\r?$/m)).toBeGreaterThan(0); // photo credit line after a caption
    expect(count(/。 ■记者 \S{2,3}\r?$/m)).toBeGreaterThan(0); // byline glued to the last body line
    expect(count(/^● 记者 \S{2,3}/m)).toBeGreaterThan(0);
    expect(count(/^记者 \S{2,3}/m)).toBeGreaterThan(0);
    expect(count(/本报讯\(记者 \S{2,3}\)/)).toBeGreaterThan(0);
    expect(count(/^——\S+侧记\r?$/m)).toBeGreaterThan(0); // subheadline
    // Columns broken mid-sentence: a block ending in neither punctuation nor a marker, followed by body text.
    expect(count(/[\u4e00-\u9fff]\r?\n\r?\n[\u4e00-\u9fff][^\r\n]{20,}[。”]/)).toBeGreaterThan(0);
  });

  it('pairs every jump with its continuation in the same issue', () => {
    const byPath = new Map(archive.files.map((f) => [f.path, body(f)]));
    let jumps = 0;
    for (const f of archive.files) {
      const m = PATH_RE.exec(f.path);
      if (!m) throw new Error(f.path);
      const from = Number(m[4]);
      for (const j of body(f).matchAll(/\(下转第(\d+)版\)|下转▶(\d+)版/g)) {
        const to = Number(j[1] ?? j[2]);
        const target = byPath.get(`${m[1]}/${m[2]}/${m[3]}-${String(to).padStart(2, '0')}.txt`);
        expect(target, `${f.path} → 第${to}版`).toBeDefined();
        expect(target).toContain(`(上接第${from}版)`);
        jumps++;
      }
    }
    expect(jumps).toBeGreaterThan(20);
  });

  it('keeps front matter valid and consistent with the path', () => {
    for (const f of archive.files) {
      const fm = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(f.contents);
      if (!fm) continue;
      const m = PATH_RE.exec(f.path);
      const text = (fm[1] ?? '').replace(/\r/g, '');
      expect(text).toMatch(/^paper: [^\s/\\]+$/m);
      expect(text).toContain(`date: ${m?.[3]}`);
      expect(text).toContain(`page: ${Number(m?.[4])}`);
    }
  });

  it('dates 本报讯 leads within a week before the issue', () => {
    let checked = 0;
    for (const f of archive.files.slice(0, 300)) {
      const m = PATH_RE.exec(f.path);
      const issue = Date.parse(`${m?.[3]}T00:00:00Z`);
      const year = Number(m?.[2]);
      for (const d of body(f).matchAll(/本报讯(?:\(记者 [^)]+\))? ?(\d{1,2})月(\d{1,2})日/g)) {
        let when = Date.UTC(year, Number(d[1]) - 1, Number(d[2]));
        if (when > issue) when = Date.UTC(year - 1, Number(d[1]) - 1, Number(d[2])); // January issue, December event
        const days = (issue - when) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes only safe, unique paths', () => {
    const paths = archive.files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(p).toMatch(PATH_RE);
      expect(p).not.toMatch(/\s|\.\.|\\|^\//);
      expect(path.posix.normalize(p)).toBe(p);
    }
  });
});

describe('gen-archive: extra page', () => {
  it('adds a page of a new issue that is not in the archive, deterministically', () => {
    const a = extraPage({ articles: 2000, seed: 5 });
    expect(extraPage({ articles: 2000, seed: 5 })).toEqual(a);
    const paths = new Set(archive.files.map((f) => f.path));
    expect(paths.has(a.path)).toBe(false);
    const m = PATH_RE.exec(a.path);
    expect(m).not.toBeNull();
    const samePaper = archive.files.filter((f) => f.path.startsWith(`${m?.[1]}/`)).map((f) => PATH_RE.exec(f.path)?.[3] ?? '');
    expect(samePaper.length).toBeGreaterThan(0);
    expect(samePaper.every((d) => d < (m?.[3] ?? ''))).toBe(true);
    // The newest issue of the whole archive: a page that appends to it.
    const dates = archive.files.map((f) => PATH_RE.exec(f.path)?.[3] ?? '');
    expect(dates.every((d) => d < (m?.[3] ?? ''))).toBe(true);
    expect(a.articles).toBe(6);
    // A backfilled page is dated inside the archive, on a day its paper has no issue.
    const late = extraPage({ articles: 2000, seed: 5, backfill: true });
    const lateDate = PATH_RE.exec(late.path)?.[3] ?? '';
    expect(paths.has(late.path)).toBe(false);
    expect(samePaper).not.toContain(lateDate);
    expect(samePaper.some((d) => d < lateDate) && samePaper.some((d) => d > lateDate)).toBe(true);
    const b = extraPage({ articles: 2000, seed: 5, index: 1 });
    expect(b.path).not.toBe(a.path);
    expect(paths.has(b.path)).toBe(false);
  });
});

describe('gen-archive: command line', () => {
  it('writes the same bytes as generateArchive', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gen-archive-'));
    try {
      const script = path.resolve(import.meta.dirname, '../../scripts/gen-archive.ts');
      const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
      const printed = execFileSync(tsx, [script, '--articles', '120', '--out', out, '--seed', '4'], { encoding: 'utf8' });
      expect(printed).toMatch(/^120 articles, /);
      const expected = generateArchive({ articles: 120, seed: 4 });
      for (const f of expected.files) expect(readFileSync(path.join(out, f.path), 'utf8')).toBe(f.contents);
      const extra = execFileSync(tsx, [script, '--articles', '120', '--out', out, '--seed', '4', '--extra-page'], { encoding: 'utf8' });
      const page = extraPage({ articles: 120, seed: 4 });
      expect(extra).toContain(page.path);
      expect(readFileSync(path.join(out, page.path), 'utf8')).toBe(page.contents);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

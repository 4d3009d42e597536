import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusTemplates } from '../../scripts/simulate/corpus.js';
import {
  BOM_RATE, BRIEFS_RATE, BYLINE_STYLES, CAPTION_IN_SENTENCE_RATE, CAPTION_RATE, COLUMN_BREAK_EVERY_CHARS, CRLF_RATE,
  DISPLACEMENT_KINDS, DISPLACEMENTS_PER_PAGE, FEATURE_RATE, FOUR_LEADING_BLANK_LINES_RATE, GAP_RATE, HALF_WIDTH_RATE,
  HEADLINE_GLUED_TO_LEAD_RATE, INDENT_RATE, JUMP_IN_RATE, JUMP_OUT_PAGE_RATE, LEAD_FORMS, MASTHEAD_FULL_RATE,
  MASTHEAD_RUNNING_HEAD_RATE, NO_BYLINE_RATE, SECTION_BANNER_RATE, TEASER_RATE, TITLE_FORMS, UNMARKED_CUT_RATE,
  WIDE_GAP_RATE, toHalfWidth,
} from '../../scripts/simulate/layout.js';
import { simulatePages, type SimulatedPage } from '../../scripts/simulate/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The page as a reader sees it: no BOM, LF line endings. */
function plain(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/**
 * Splits a paragraph into the fewest pieces that each occur in the page, greedily (longest first);
 * null when some character cannot be found. A paragraph printed whole is one piece.
 */
function pieces(paragraph: string, page: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < paragraph.length) {
    let lo = i + 1, hi = paragraph.length, best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (page.includes(paragraph.slice(i, mid))) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (best < 0) return null;
    out.push(paragraph.slice(i, best));
    i = best;
  }
  return out;
}

/** Within a few standard errors of an expected proportion (n draws); deterministic per seed. */
function expectRate(name: string, hits: number, n: number, p: number): void {
  const observed = hits / n;
  const tolerance = 3.5 * Math.sqrt((p * (1 - p)) / n) + 0.02;
  expect(Math.abs(observed - p), `${name}: observed ${observed.toFixed(3)} over ${n}, constant ${p}`).toBeLessThanOrEqual(tolerance);
}

function share<K extends string>(weights: Readonly<Record<K, number>>, key: K): number {
  const total = (Object.values(weights) as number[]).reduce((s, w) => s + w, 0);
  return weights[key] / total;
}

// One run shared by the content and rate checks (the brief's volume: 200 pages).
const pages: SimulatedPage[] = simulatePages({ seed: 1, count: 200 });

describe('simulate: determinism', () => {
  it('gives identical pages and gold for the same seed', () => {
    const a = simulatePages({ seed: 7, count: 15 });
    const b = simulatePages({ seed: 7, count: 15 });
    expect(b).toEqual(a);
  });

  it('gives different pages for another seed, and page i does not depend on the count', () => {
    const a = simulatePages({ seed: 7, count: 15 });
    const c = simulatePages({ seed: 8, count: 15 });
    expect(c.map((p) => p.text)).not.toEqual(a.map((p) => p.text));
    expect(simulatePages({ seed: 7, count: 4 })[3]).toEqual(a[3]);
  });

  it('names pages uniquely, like the seed files, and sets gold.source to the file name', () => {
    const names = pages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of pages) {
      expect(p.name).toMatch(/^\d{3,}_[0-9a-f]{16}$/);
      expect(p.gold.source).toBe(`${p.name}.txt`);
    }
  });

  it('rejects a bad count with a message naming the value', () => {
    expect(() => simulatePages({ seed: 1, count: -1 })).toThrow(/count .* -1/);
  });
});

describe('simulate: gold matches the page', () => {
  it('uses the gold schema of the seed pages (same keys, same order)', () => {
    const seedGold = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/gold/000_e4b77a2f99e63835.json'), 'utf8'));
    for (const p of pages.slice(0, 20)) {
      expect(Object.keys(p.gold)).toEqual(Object.keys(seedGold));
      expect(Object.keys(p.gold.masthead)).toEqual(Object.keys(seedGold.masthead));
      for (const a of p.gold.articles) expect(Object.keys(a)).toEqual(Object.keys(seedGold.articles[0]));
    }
  });

  it('recovers every gold paragraph from the page as pieces of its text, joined with nothing added', () => {
    let broken = 0;
    for (const p of pages) {
      const text = plain(p.text);
      for (const a of p.gold.articles) {
        for (const para of a.paragraphs) {
          const found = pieces(para, text);
          expect(found, `${p.name}: paragraph not on the page: ${para.slice(0, 30)}`).not.toBeNull();
          if (found!.length > 1) broken++;
        }
      }
    }
    expect(broken).toBeGreaterThan(100); // the pages really are broken into columns
  });

  it('keeps bylines, credits, markers and bullets out of paragraph text', () => {
    for (const p of pages) {
      for (const a of p.gold.articles) {
        for (const para of a.paragraphs) {
          expect(para, p.name).not.toMatch(/[■●□]|下转|上接|版▶|\s$|^\s/);
          expect(para.startsWith('\u3000'), p.name).toBe(false);
        }
      }
    }
  });

  it('prints every title line, byline, credit, caption, intertitle, marker, banner and masthead line', () => {
    for (const p of pages) {
      const text = plain(p.text);
      const g = p.gold;
      const printed = [
        ...g.masthead.lines, ...g.furniture, ...g.sectionBanners,
        ...g.articles.flatMap((a) => [a.headline, a.kicker, a.subheadline, ...a.bylines, ...a.photoCredits, ...a.captions, ...a.markers, ...a.intertitles.map((t) => t.text)]),
      ].filter((x): x is string => x !== null);
      for (const s of printed) expect(text.includes(s), `${p.name}: "${s}" not printed`).toBe(true);
    }
  });

  it('gives datelines, latestEventDate, inferredYear and masthead facts that agree with the page', () => {
    for (const p of pages) {
      const g = p.gold;
      const text = plain(p.text);
      for (const a of g.articles) {
        if (a.dateline) {
          expect(a.paragraphs[0], p.name).toMatch(/^本报讯/);
          expect(a.dateline).toMatch(/^\d{1,2}月\d{1,2}日(至(\d{1,2}月)?\d{1,2}日)?$/);
          expect(a.paragraphs[0]!.includes(a.dateline), p.name).toBe(true);
        }
        if (a.continuedTo) expect(a.continuedTo).toMatch(/^第\d版$/);
        if (a.continuedFrom) expect(a.continuedFrom).toMatch(/^第\d版$/);
        for (const t of a.intertitles) expect(t.beforeParagraph).toBeLessThan(a.paragraphs.length);
      }
      if (g.latestEventDate) expect(g.latestEventDate.slice(0, 4)).toBe(String(g.inferredYear));
      if (g.articles.some((a) => a.dateline)) expect(g.latestEventDate).not.toBeNull();
      if (g.masthead.date) expect(g.masthead.date.startsWith(String(g.inferredYear))).toBe(true);
      else expect(text.includes(`${g.inferredYear}年`), `${p.name}: no year on the page`).toBe(true);
      expect(text.includes(g.district) || text.includes(g.paper)).toBe(true);
    }
  });
});

describe('simulate: damage', () => {
  it('displaces at least one fragment on every page, and at most three', () => {
    for (const p of pages) {
      expect(p.damage.displacements.length, p.name).toBeGreaterThanOrEqual(1);
      expect(p.damage.displacements.length, p.name).toBeLessThanOrEqual(3);
      for (const d of p.damage.displacements) expect(plain(p.text).includes(d.fragment), `${p.name}: ${d.kind}`).toBe(true);
    }
  });

  it('shows every kind of displacement over the run', () => {
    const kinds = new Set(pages.flatMap((p) => p.damage.displacements.map((d) => d.kind)));
    expect([...kinds].sort()).toEqual(['afterCaption', ...Object.keys(DISPLACEMENT_KINDS)].sort());
  });

  it('writes CRLF pages, BOM pages and indented pages, and LF pages with none of them', () => {
    const crlf = pages.filter((p) => p.damage.crlf), bom = pages.filter((p) => p.damage.bom);
    expect(crlf.length).toBeGreaterThan(0);
    expect(bom.length).toBeGreaterThan(0);
    for (const p of crlf) expect(p.text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const p of bom) expect(p.text.startsWith('\uFEFF')).toBe(true);
    for (const p of pages.filter((x) => !x.damage.crlf)) expect(p.text).not.toContain('\r');
    for (const p of pages.filter((x) => x.damage.indent)) expect(p.text).toMatch(/^\u3000\u3000\S/m);
    for (const p of pages) expect(plain(p.text)).toMatch(/^\n\n/);
  });

  it('shows every byline, title, marker and masthead form over the run', () => {
    const all = pages.map((p) => plain(p.text)).join('\n');
    for (const re of [/ ■记者 \S+$/m, /^● 记者 /m, /^■记者 /m, /本报讯[(（]记者 /, /记者 \S+ 通讯员 /, /^文\/\S+ 图\/\S+$/m,
      /■记者 \S+ 摄$/m, /^\S+ 摄$/m, /[(（]下转第\d版[)）]$/m, /[，,。]下转▶\d版$/m, /^[(（]上接第\d版[)）]/m, /^刊\d版▶$/m, /^□ /m,
      /^准印证号[(（]B[)）]\d{4} \/ 第\d+期[(（]总第\d+期[)）] \/ \d{4}年\d{1,2}月\d{1,2}日 星期.$/m, /数字报 <http/, /^\S+ \S+ 本报讯/m]) {
      expect(all, String(re)).toMatch(re);
    }
    expect(pages.some((p) => p.damage.masthead === 'runningHead')).toBe(true);
    expect(pages.some((p) => p.damage.masthead === 'none')).toBe(true);
    expect(pages.some((p) => !p.damage.halfWidth) && pages.some((p) => p.damage.halfWidth)).toBe(true);
  });

  it('draws page-level damage at the rates of the named constants', () => {
    const n = pages.length, count = (f: (p: SimulatedPage) => boolean) => pages.filter(f).length;
    expectRate('MASTHEAD_FULL_RATE', count((p) => p.damage.masthead === 'full'), n, MASTHEAD_FULL_RATE);
    expectRate('MASTHEAD_RUNNING_HEAD_RATE', count((p) => p.damage.masthead === 'runningHead'), n, MASTHEAD_RUNNING_HEAD_RATE);
    expectRate('SECTION_BANNER_RATE', count((p) => p.damage.sectionBanner), n, SECTION_BANNER_RATE);
    expectRate('BRIEFS_RATE', count((p) => p.damage.briefs > 0), n, BRIEFS_RATE);
    expectRate('TEASER_RATE', count((p) => p.damage.teaser), n, TEASER_RATE);
    expectRate('JUMP_IN_RATE', count((p) => p.damage.jumpIn), n, JUMP_IN_RATE);
    expectRate('FEATURE_RATE', count((p) => p.damage.feature), n, FEATURE_RATE);
    expectRate('GAP_RATE', count((p) => p.damage.gap), n, GAP_RATE);
    expectRate('UNMARKED_CUT_RATE', count((p) => p.damage.unmarkedCut), n, UNMARKED_CUT_RATE);
    expectRate('JUMP_OUT_PAGE_RATE', count((p) => p.damage.jumpOut > 0), n, JUMP_OUT_PAGE_RATE);
    expectRate('CAPTION_RATE', count((p) => p.damage.caption !== null), n, CAPTION_RATE);
    const captioned = pages.filter((p) => p.damage.caption !== null);
    expectRate('CAPTION_IN_SENTENCE_RATE', captioned.filter((p) => p.damage.caption!.inSentence).length, captioned.length, CAPTION_IN_SENTENCE_RATE);
    expectRate('HALF_WIDTH_RATE', count((p) => p.damage.halfWidth), n, HALF_WIDTH_RATE);
    expectRate('CRLF_RATE', count((p) => p.damage.crlf), n, CRLF_RATE);
    expectRate('BOM_RATE', count((p) => p.damage.bom), n, BOM_RATE);
    expectRate('INDENT_RATE', count((p) => p.damage.indent), n, INDENT_RATE);
    expectRate('FOUR_LEADING_BLANK_LINES_RATE', count((p) => p.damage.leadingBlankLines === 4), n, FOUR_LEADING_BLANK_LINES_RATE);
    for (const style of Object.keys(BYLINE_STYLES) as (keyof typeof BYLINE_STYLES)[]) {
      expectRate(`BYLINE_STYLES.${style}`, count((p) => p.damage.bylineStyle === style), n, share(BYLINE_STYLES, style));
    }
    for (const k of ['1', '2', '3'] as const) {
      expectRate(`DISPLACEMENTS_PER_PAGE.${k}`, count((p) => p.damage.displacements.length === Number(k)), n, share(DISPLACEMENTS_PER_PAGE, k));
    }
  });

  it('breaks columns, stacks titles, words leads and moves fragments at the rates of the named constants', () => {
    const d = pages.map((p) => p.damage);
    const sum = (f: (x: (typeof d)[number]) => number) => d.reduce((s, x) => s + f(x), 0);
    const perChar = sum((x) => x.naturalBreaks) / sum((x) => x.bodyChars);
    expect(perChar * COLUMN_BREAK_EVERY_CHARS).toBeGreaterThan(0.85);
    expect(perChar * COLUMN_BREAK_EVERY_CHARS).toBeLessThan(1.15);
    expectRate('WIDE_GAP_RATE', sum((x) => x.ordinaryWideGaps), sum((x) => x.ordinaryGaps), WIDE_GAP_RATE);

    const forms = d.flatMap((x) => x.titleForms);
    for (const f of Object.keys(TITLE_FORMS) as (keyof typeof TITLE_FORMS)[]) {
      // Features draw their own stacks (a —— subheadline), so they are left out of the news rates.
      const news = d.flatMap((x) => (x.feature ? x.titleForms.slice(1) : x.titleForms));
      expectRate(`TITLE_FORMS.${f}`, news.filter((y) => y === f).length, news.length, share(TITLE_FORMS, f));
    }
    expectRate('HEADLINE_GLUED_TO_LEAD_RATE', sum((x) => x.headlineGluedToLead), forms.length, HEADLINE_GLUED_TO_LEAD_RATE);
    const leads = d.flatMap((x) => x.leadForms);
    for (const f of Object.keys(LEAD_FORMS) as (keyof typeof LEAD_FORMS)[]) {
      expectRate(`LEAD_FORMS.${f}`, leads.filter((y) => y === f).length, leads.length, share(LEAD_FORMS, f));
    }
    const bylines = d.flatMap((x) => x.bylineForms);
    expectRate('NO_BYLINE_RATE', bylines.filter((y) => y === 'none').length, bylines.length, NO_BYLINE_RATE);
    const moved = d.flatMap((x) => x.displacements.filter((y) => y.kind !== 'afterCaption'));
    for (const k of Object.keys(DISPLACEMENT_KINDS) as (keyof typeof DISPLACEMENT_KINDS)[]) {
      expectRate(`DISPLACEMENT_KINDS.${k}`, moved.filter((y) => y.kind === k).length, moved.length, share(DISPLACEMENT_KINDS, k));
    }
  });
});

describe('simulate: corpus', () => {
  // Sentences and long clauses of the real pages, normalised the way a half-width page prints them.
  const seedDir = path.join(ROOT, 'seeds');
  const seedTexts = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => toHalfWidth(plain(readFileSync(path.join(seedDir, f), 'utf8'))));
  const sentences = [...new Set(seedTexts.flatMap((t) => t.split(/[。!?！？\n]/)).map((s) => s.trim()).filter((s) => s.length >= 8))];
  const clauses = [...new Set(seedTexts.flatMap((t) => t.split(/[。!?！？\n,;:、，；：]/)).map((s) => s.trim()).filter((s) => s.length >= 12))];

  it('reads the five seed pages', () => {
    expect(seedTexts.length).toBeGreaterThanOrEqual(5);
    expect(sentences.length).toBeGreaterThan(200);
  });

  it('contains no seed sentence and no long seed clause, in its templates or on any page', () => {
    const templates = corpusTemplates().map(toHalfWidth).join('\n');
    // Masthead and promo lines name the paper (上海徐汇发布微博 is 徐汇报's own); they are layout, not corpus.
    const furniture = (p: SimulatedPage) => new Set([...p.gold.masthead.lines, ...p.gold.furniture]);
    const printed = pages.map((p) => plain(p.text).split('\n').filter((l) => !furniture(p).has(l)).map(toHalfWidth).join('\n')).join('\n');
    for (const s of sentences) {
      expect(templates.includes(s), `seed sentence in corpus: ${s}`).toBe(false);
      expect(printed.includes(s), `seed sentence on a page: ${s}`).toBe(false);
    }
    for (const c of clauses) expect(templates.includes(c), `seed clause in corpus: ${c}`).toBe(false);
  });

  it('has material for at least 60 distinct articles over many topics', () => {
    const headlines = new Set(pages.flatMap((p) => p.gold.articles.map((a) => a.headline)).filter(Boolean));
    const leads = new Set(pages.flatMap((p) => p.gold.articles.map((a) => a.paragraphs[0]?.replace(/[\d]+/g, '#').replace(/^本报讯\S*?[,，]|^本报讯[(（][^)）]*[)）]/, '').slice(0, 12))));
    expect(headlines.size).toBeGreaterThan(300);
    expect(leads.size).toBeGreaterThanOrEqual(60);
  });
});

describe('simulate: command line', () => {
  it('writes <name>.txt and <name>.json for each page, identical to the API', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'simulate-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/simulate/index.ts'), '--seed', '3', '--count', '4', '--out', out], { cwd: ROOT, stdio: 'pipe' });
      const api = simulatePages({ seed: 3, count: 4 });
      expect(readdirSync(out).sort()).toEqual(api.flatMap((p) => [`${p.name}.json`, `${p.name}.txt`]).sort());
      for (const p of api) {
        expect(readFileSync(path.join(out, `${p.name}.txt`), 'utf8')).toBe(p.text);
        expect(JSON.parse(readFileSync(path.join(out, `${p.name}.json`), 'utf8'))).toEqual(p.gold);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

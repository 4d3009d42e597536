/**
 * The gold structure of a simulated page, in the schema of tests/fixtures/gold/README.md (same keys,
 * same order), read off the truth layout.ts kept while printing. Nothing is parsed back from the
 * page text, so the gold is exact by construction: paragraphs are the clean paragraphs (after
 * the cuts the page really shows), bylines, credits, markers and bullets sit in their own fields.
 */
import type { DamageLog, LaidOutPage, PlacedArticle } from './layout.js';
import type { Intertitle } from './corpus.js';

/** One gold article (tests/fixtures/gold/README.md, "Article"). */
export interface GoldArticle {
  headline: string | null;
  kicker: string | null;
  subheadline: string | null;
  section: string | null;
  bylines: string[];
  photoCredits: string[];
  dateline: string | null;
  paragraphs: string[];
  intertitles: Intertitle[];
  captions: string[];
  markers: string[];
  continuedTo: string | null;
  continuedFrom: string | null;
  incomplete: boolean;
}

/** The masthead facts a page prints; nulls (and no lines) when it prints none. */
export interface GoldMasthead {
  issueNumber: string | null;
  totalNumber: string | null;
  date: string | null;
  weekday: string | null;
  lines: string[];
}

/** One gold page (tests/fixtures/gold/README.md, "Top level"). */
export interface GoldPage {
  source: string;
  paper: string;
  district: string;
  masthead: GoldMasthead;
  inferredYear: number;
  inferredYearReason: string;
  latestEventDate: string | null;
  sectionBanners: string[];
  articles: GoldArticle[];
  furniture: string[];
  notes: string[];
}

function goldArticle(a: PlacedArticle): GoldArticle {
  return {
    headline: a.headline, kicker: a.kicker, subheadline: a.subheadline, section: a.section,
    bylines: [...a.bylines], photoCredits: [...a.photoCredits], dateline: a.dateline,
    paragraphs: [...a.paragraphs], intertitles: a.intertitles.map((t) => ({ ...t })), captions: [...a.captions],
    markers: [...a.markers], continuedTo: a.continuedTo, continuedFrom: a.continuedFrom, incomplete: a.incomplete,
  };
}

/** Why the year is what it is, citing what the page prints (layout.ts makes sure it prints one). */
function yearReason(page: LaidOutPage): string {
  if (page.masthead.date) {
    const printed = page.masthead.lines.find((l) => l.includes(`${page.year}年`)) ?? page.masthead.date;
    return `Masthead prints "${printed}".`;
  }
  const cue = `${page.year}年`;
  for (const a of page.articles) {
    for (const text of [a.kicker, a.headline, a.subheadline, ...a.paragraphs]) {
      const at = text?.indexOf(cue) ?? -1;
      if (text && at >= 0) return `No masthead date; the body cites "${text.slice(at, at + cue.length + 8)}".`;
    }
  }
  return `Nothing on the page prints the year; the simulated issue is dated ${page.issueDate}.`;
}

const KIND_WORDS: Record<string, string> = {
  afterCaption: 'continues after a caption that interrupts the sentence',
  leadBeforeHeadline: 'is its lead, printed before its own headline',
  movedEarlier: 'and the rest of that article are printed before article',
  strayColumn: 'and the rest of that article are printed under the title block of article',
  underOtherTitle: 'is printed under the title block of article',
  movedLater: 'is printed after the end of article',
};

/** The choices behind the page, one line each, so a scorer's diff can be explained. */
function notes(page: LaidOutPage): string[] {
  const d: DamageLog = page.damage;
  const out = [
    `Simulated page of ${page.paper.name}, issue date ${page.issueDate}, page ${page.pageNumber}; masthead: ${d.masthead}`
      + `${d.furniture ? ' with promo furniture' : ''}; bylines: ${d.bylineStyle}; punctuation ${d.halfWidth ? 'half' : 'full'}-width`
      + `${d.crlf ? '; CRLF' : ''}${d.bom ? '; BOM' : ''}${d.indent ? '; U+3000 indentation' : ''}.`,
    `Column breaks: ${d.naturalBreaks} where columns end, ${d.forcedBreaks} more for displaced fragments; every broken paragraph is joined with nothing added.`,
  ];
  for (const x of d.displacements) {
    const where = x.target === null ? '' : ` ${x.target + 1}`;
    out.push(`Displaced (${x.kind}): the text of article ${x.source + 1} from "${x.fragment}…" ${KIND_WORDS[x.kind]}${where}.`);
  }
  page.articles.forEach((a, i) => {
    const n = i + 1;
    if (a.kind === 'teaser') out.push(`Article ${n} is a teaser: headline plus "${a.markers[0]}", no paragraphs.`);
    if (a.kind === 'jumpIn') out.push(`Article ${n} continues from ${a.continuedFrom} (marker stripped from its first paragraph); no dateline.`);
    if (a.kind === 'brief') return;
    if (a.continuedTo && a.kind !== 'teaser') out.push(`Article ${n} jumps to ${a.continuedTo} ("${a.markers[0]}" is not paragraph text).`);
    if (a.incomplete && !a.continuedTo && !a.continuedFrom) out.push(`Article ${n} is cut off mid-sentence with no marker: incomplete, continuedTo null.`);
    if (a.intertitles.length > 0) out.push(`Article ${n} is a feature with ${a.intertitles.length} intertitles.`);
  });
  if (d.gapArticle !== null) out.push(`Article ${d.gapArticle + 1} lost text between two fragments; its remains are two paragraphs, not joined.`);
  if (d.headlineGluedToLead > 0) out.push('A headline is printed on the same line as its 本报讯 lead.');
  if (d.titleForms.includes('merged')) out.push('A kicker and its headline are merged on one line (split here as kicker + headline).');
  if (d.briefs > 0) out.push(`${d.briefs} briefs: one article each, bullet dropped, section = their banner.`);
  return out;
}

/** The gold of a laid-out page; `source` is the page file's name. */
export function goldOf(page: LaidOutPage): GoldPage {
  const ends = page.articles.map((a) => a.datelineEnd).filter((x): x is string => x !== null).sort();
  return {
    source: `${page.name}.txt`,
    paper: page.paper.name,
    district: page.paper.district,
    masthead: { ...page.masthead, lines: [...page.masthead.lines] },
    inferredYear: page.year,
    inferredYearReason: yearReason(page),
    latestEventDate: ends[ends.length - 1] ?? null,
    sectionBanners: [...page.sectionBanners],
    articles: page.articles.map(goldArticle),
    furniture: [...page.furniture],
    notes: notes(page),
  };
}

/**
 * Stage 2d: articles from the page in reading order. An article opens at a title stack, at a
 * 本报讯 lead when the current article already has its lead, at a brief (□ …), or at a
 * continuation; a closing byline (…讨论。 ■记者 张蓓) ends it. A lead printed above its own
 * headline (本报讯 4月26日… then the headline) takes that headline instead of opening two articles.
 */
import type { Article, Block } from '../types.js';
import { spanPosition } from './blocks.js';
import type { Unit } from './classify.js';
import { datelineOf, datelineText } from './dates.js';
import { endsSentence } from './text.js';
import type { Item, Paragraph } from './reorder.js';

/** The block a unit publishes as (the trace kept on articles and pages). */
export function toBlock(unit: Unit): Block {
  return { kind: unit.kind, text: unit.text, position: spanPosition(unit.span), reason: unit.reason };
}

interface Draft {
  article: Article;
  /** The last thing added was a paragraph (so a byline now closes the article). */
  afterBody: boolean;
  closed: boolean;
  dangling: boolean;
  /** Opened by a 本报讯 lead with no title yet (its headline may follow it). */
  openedByLead: boolean;
  hasTitle: boolean;
  /** A bulleted brief whose text stops mid-sentence: the next column block finishes it. */
  openBrief: boolean;
}

function blank(first: Unit): Draft {
  return {
    article: {
      headline: null, kicker: null, subheadline: null, section: null, bylines: [], photoCredits: [],
      dateline: null, paragraphs: [], intertitles: [], captions: [], markers: [],
      continuedTo: null, continuedFrom: null, incomplete: false, blocks: [], position: spanPosition(first.span),
    },
    afterBody: false,
    closed: false,
    dangling: false,
    hasTitle: false,
    openedByLead: false,
    openBrief: false,
  };
}

const TITLE_KINDS = new Set(['section', 'kicker', 'headline', 'subheadline']);

/** Consecutive title units of one stack, starting at items[i]. */
function titleStack(items: Item[], i: number): Unit[] {
  const first = items[i];
  if (first?.kind !== 'unit') return [];
  const group = first.unit.group;
  const stack: Unit[] = [];
  for (let k = i; k < items.length; k++) {
    const it = items[k];
    if (it?.kind !== 'unit' || !TITLE_KINDS.has(it.unit.kind) || it.unit.group !== group) break;
    stack.push(it.unit);
  }
  return stack;
}

function nextParagraph(items: Item[], from: number): Paragraph | null {
  for (let k = from; k < items.length; k++) {
    const it = items[k];
    if (it?.kind === 'paragraph') return it;
    if (it?.kind === 'unit' && (TITLE_KINDS.has(it.unit.kind) || it.unit.kind === 'brief')) return null;
  }
  return null;
}

function applyTitle(d: Draft, stack: Unit[]): void {
  // Lines of one title wrapped over two lines join with nothing added; two lines of one role, with a space.
  const join = (before: string | null, u: Unit): string => (before === null ? u.content : `${before}${u.wraps ? '' : ' '}${u.content}`);
  for (const u of stack) {
    const a = d.article;
    if (u.kind === 'section') a.section = u.wraps ? join(a.section, u) : u.content;
    else if (u.kind === 'kicker') a.kicker = u.wraps ? join(a.kicker, u) : u.content;
    else if (u.kind === 'headline') a.headline = join(a.headline, u);
    else if (u.kind === 'subheadline') a.subheadline = join(a.subheadline, u);
    a.blocks.push(toBlock(u));
  }
  d.hasTitle = true;
  d.afterBody = false;
}

/** A teaser: titles and a pointer to another 版, no text of its own on this page. */
function isTeaserBox(d: Draft): boolean {
  return d.hasTitle && d.closed && d.article.paragraphs.length === 0 && d.article.continuedTo !== null;
}

/** Builds the articles of a page from its reading-order items. */
export function assemble(items: Item[]): { articles: Article[]; loose: Unit[] } {
  const drafts: Draft[] = [];
  const loose: Unit[] = [];
  let bannerUnits: Unit[] = [];
  let cur = null as Draft | null;
  let banner: string | null = null;
  const open = (first: Unit): Draft => {
    const d = blank(first);
    drafts.push(d);
    cur = d;
    return d;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    if (item.kind === 'paragraph') {
      const first = item.units[0];
      if (!first) continue;
      let d: Draft | null = cur;
      // A brief broken across columns (…消防安全意识和 | 自救互救能力。) is one paragraph.
      if (d && d.openBrief && !item.lead && !item.stray) {
        const a = d.article;
        a.paragraphs[a.paragraphs.length - 1] += item.text;
        for (const u of item.units) a.blocks.push(toBlock(u));
        d.openBrief = false;
        d.dangling = item.dangling;
        continue;
      }
      // Text that ran over from a column no dangling end on the page could take stays with the
      // article above it rather than making a headless article of its own.
      if (d && d.closed && item.stray && d.article.paragraphs.length > 0) {
        addParagraph(d, item);
        continue;
      }
      // Text right after a teaser box (导读 … 详见3版) set inside an article goes on with the
      // article the box interrupts, when nothing signed that article off.
      const before = drafts[drafts.length - 2];
      if (d && isTeaserBox(d) && !item.lead && before && before.article.paragraphs.length > 0 && !before.closed) {
        addParagraph(before, item);
        cur = before;
        continue;
      }
      // A second lead, or text after a closed article, starts a new article.
      if (!d || d.closed || (item.lead && d.article.paragraphs.length > 0)) {
        d = open(first);
        d.openedByLead = item.lead;
      }
      addParagraph(d, item);
      continue;
    }
    const u = item.unit;
    switch (u.kind) {
      case 'section': {
        const stack = titleStack(items, i);
        if (stack.every((s) => s.kind === 'section')) {
          banner = stack[stack.length - 1]?.content ?? null;
          i += stack.length - 1;
          cur = null;
          // Kept aside until a brief under the banner takes it; a banner nothing follows is furniture.
          bannerUnits = stack;
          break;
        }
      }
      // falls through: a banner on top of a title stack belongs to that article
      case 'kicker':
      case 'headline':
      case 'subheadline': {
        const stack = titleStack(items, i);
        i += Math.max(stack.length, 1) - 1;
        banner = null;
        loose.push(...bannerUnits); // a banner no brief took is furniture
        bannerUnits = [];
        const c: Draft | null = cur;
        const following = nextParagraph(items, i + 1);
        // Headline printed after its own first paragraph: a lone lead waiting for its title.
        const adopt = c !== null && c.openedByLead && !c.hasTitle && !c.closed && c.article.paragraphs.length === 1
          && c.article.bylines.length <= 1 && (following === null || !following.lead);
        const d = adopt && c ? c : open(stack[0] ?? u);
        applyTitle(d, stack.length > 0 ? stack : [u]);
        break;
      }
      case 'intertitle': {
        const d = cur ?? open(u);
        d.article.intertitles.push({ text: u.content, beforeParagraph: d.article.paragraphs.length });
        d.article.blocks.push(toBlock(u));
        break;
      }
      case 'brief': {
        const d = open(u);
        d.article.section = banner;
        d.article.blocks.push(...bannerUnits.map(toBlock));
        bannerUnits = [];
        d.article.paragraphs.push(u.content);
        d.article.blocks.push(toBlock(u));
        d.afterBody = true;
        d.openBrief = !endsSentence(u.content);
        d.dangling = d.openBrief;
        break;
      }
      case 'byline': {
        const d = cur ?? open(u);
        for (const n of u.names ?? []) if (!d.article.bylines.includes(n)) d.article.bylines.push(n); // 本报讯(记者 李明)… ■记者 李明: once
        for (const n of u.photoNames ?? []) addCredit(d.article, n);
        d.article.blocks.push(toBlock(u));
        if (d.afterBody) d.closed = true; // a byline after the text signs the article off
        break;
      }
      case 'photo-credit': {
        const d = cur ?? open(u);
        for (const n of u.names ?? []) addCredit(d.article, n);
        d.article.blocks.push(toBlock(u));
        break;
      }
      case 'caption': {
        const d = cur ?? open(u);
        d.article.captions.push(u.text);
        d.article.blocks.push(toBlock(u));
        break;
      }
      case 'jump-marker': {
        const m = u.marker;
        let d: Draft | null = cur;
        // A "from" marker opens the text of a continued article unless its title was just printed.
        if (m?.direction === 'from' && (!d || d.article.paragraphs.length > 0 || d.closed)) d = open(u);
        if (!d) d = open(u);
        d.article.markers.push(m?.raw ?? u.text);
        if (m?.direction === 'from') d.article.continuedFrom = m.page;
        else {
          d.article.continuedTo = m?.page ?? null;
          d.closed = true; // the text goes on elsewhere; nothing more of it here
        }
        d.article.blocks.push(toBlock(u));
        break;
      }
      default:
        loose.push(u); // masthead and furniture belong to no article
    }
  }
  loose.push(...bannerUnits);
  return { articles: drafts.map(finish), loose };
}

/** Adds a photographer once: a byline's 图/记者 李明 and a caption's 李明 摄 name the same person. */
function addCredit(a: Article, name: string): void {
  if (!a.photoCredits.includes(name)) a.photoCredits.push(name);
}

function addParagraph(d: Draft, p: Paragraph): void {
  const a = d.article;
  if (a.paragraphs.length === 0 && p.lead) {
    const date = datelineOf(p.text);
    a.dateline = date ? datelineText(date) : null;
    for (const n of p.units[0]?.names ?? []) if (!a.bylines.includes(n)) a.bylines.push(n);
  }
  a.paragraphs.push(p.text);
  for (const u of p.units) a.blocks.push(toBlock(u));
  d.afterBody = true;
  d.dangling = p.dangling;
}

function finish(d: Draft): Article {
  const a = d.article;
  a.incomplete = a.continuedTo !== null || a.continuedFrom !== null || a.markers.length > 0 || d.dangling;
  return a;
}

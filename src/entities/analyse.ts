/**
 * What one article contributes to the archive's entities and related articles: the names it
 * mentions (people, places, organisations, with how often) and its content words with their
 * counts (for TF-IDF). A pure function of the article's text and the names known beforehand,
 * so it is cached by a digest of exactly those (src/entities/cache.ts).
 */
import type { Article } from '../types.js';
import { recognise, type EntityKind, type Known } from './recognise.js';
import { tagText } from './tagger.js';

/** A name an article mentions. */
export interface NamedEntity {
  name: string;
  kind: EntityKind;
  /** Mentions in the article's text (0 for a byline name the text never repeats). */
  mentions: number;
}

export interface ArticleAnalysis {
  /** In order of first mention; byline names that the text does not mention come last. */
  entities: NamedEntity[];
  /** The article's most frequent content words and their counts, most frequent first (ties by word). */
  terms: Array<[string, number]>;
}

/** The text and the names known before reading it: what an analysis depends on, and its cache key's input. */
export interface AnalysisInput {
  text: string;
  known: Known;
}

// Content words: nouns of every kind, verbal nouns, abbreviations, and the HMM's unknown words.
const TERM_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'j', 'x', 'l', 'i']);
const TERM = /^[\p{Script=Han}]{2,}$|^[A-Za-z][A-Za-z0-9]{2,}$/u;
/** Terms kept per article: enough for TF-IDF to find its rare words, small enough to cache. */
export const TERMS_PER_ARTICLE = 48;

/** The text an article's entities and terms are read from, and the names known for it. */
export function analysisInput(article: Article, known: { places: readonly string[] }): AnalysisInput {
  const parts = [article.kicker, article.headline, article.subheadline, ...article.paragraphs, ...article.captions].filter((p): p is string => !!p);
  return { text: parts.join('\n'), known: { places: known.places, people: [...article.bylines, ...article.photoCredits] } };
}

/** Reads the entities and terms of one article. */
export function analyse(input: AnalysisInput): ArticleAnalysis {
  const tokens = tagText(input.text);
  const entities = new Map<string, NamedEntity>();
  for (const m of recognise(input.text, input.known, tokens)) {
    const key = `${m.kind}\0${m.text}`;
    const e = entities.get(key);
    if (e) e.mentions++;
    else entities.set(key, { name: m.text, kind: m.kind, mentions: 1 });
  }
  for (const name of input.known.people ?? []) if (!entities.has(`person\0${name}`)) entities.set(`person\0${name}`, { name, kind: 'person', mentions: 0 });
  const counts = new Map<string, number>();
  for (const t of tokens) if (TERM_TAGS.has(t.tag) && TERM.test(t.word)) counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
  const terms = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TERMS_PER_ARTICLE);
  return { entities: [...entities.values()], terms };
}

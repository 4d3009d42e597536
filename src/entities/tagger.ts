/**
 * jieba's segmenter with part-of-speech tags (the dictionary shipped with @node-rs/jieba, the
 * same one src/parse/lexicon.ts reads; HMM on, so names the dictionary lacks come out as
 * untagged words `x`). Loaded lazily, once per thread.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/** One word of the segmentation, with where it is in the text (UTF-16 offsets). */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null = null;
let entries: Map<string, { freq: number; tag: string }> | null = null;

function load(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Buffer };
  jieba = JiebaClass.withDict(dict);
  return jieba;
}

/** Segments and tags `text`; the tokens cover it exactly, in order. */
export function tagText(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of load().tag(text, true)) {
    // jieba returns every character, so the words follow one another; indexOf guards the offsets anyway.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    tokens.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return tokens;
}

function dictionary(): Map<string, { freq: number; tag: string }> {
  if (!entries) {
    const require = createRequire(import.meta.url);
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Buffer };
    entries = new Map();
    for (const line of dict.toString('utf8').split('\n')) {
      const [w, n, tag] = line.split(' ');
      if (w && n) entries.set(w, { freq: Number(n), tag: tag ?? '' });
    }
  }
  return entries;
}

/** How often the dictionary has seen a word (0 when it does not list it). */
export function dictionaryFrequency(word: string): number {
  return dictionary().get(word)?.freq ?? 0;
}

/** The dictionary's tag for a word ('' when it does not list it). */
export function dictionaryTag(word: string): string {
  return dictionary().get(word)?.tag ?? '';
}

/**
 * Re-cuts jieba's segmentation around names the gazetteer (src/entities/gazetteer.ts) and the
 * paper registry know, so the rules read them as whole words whatever jieba made of them:
 *
 *   家住|淞|南八村|的      →  家住|淞南|八村|的        (a short form re-cuts an unknown word)
 *   金山|卫镇|党委书记     →  金山卫镇|党委书记        (a full name re-cuts any word)
 *   白鹤|镇和重|固镇       →  白鹤镇|和|重固镇
 *
 * The leftovers of a cut word are looked up again in the dictionary (untagged `x` when it does
 * not list them). Names are matched leftmost and longest first, so 新江湾城街道 is not read as 江湾.
 */
import { gazetteerNames, type Trust } from './gazetteer.js';
import { dictionaryFrequency, dictionaryTag, type Token } from './tagger.js';

/** Looks names up by their first character and then by length, longest first. */
export class NameIndex {
  // First character → the lengths of the names it starts, longest first (a text is probed once per length, not per name).
  private readonly lengths = new Map<string, number[]>();
  // Every name's first two characters: most places in a text start none, and are passed at once.
  private readonly starts = new Set<string>();

  constructor(readonly names: ReadonlyMap<string, Trust>) {
    for (const [name] of names) {
      this.starts.add(name.slice(0, 2));
      const list = this.lengths.get(name[0]!) ?? [];
      if (!list.includes(name.length)) list.push(name.length);
      this.lengths.set(name[0]!, list);
    }
    for (const list of this.lengths.values()) list.sort((a, b) => b - a);
  }

  /** Occurrences in `text`, leftmost and longest first, never overlapping. */
  find(text: string): Array<{ start: number; end: number; name: string; trust: Trust }> {
    const out: Array<{ start: number; end: number; name: string; trust: Trust }> = [];
    for (let i = 0; i < text.length; ) {
      let hit: string | undefined;
      for (const length of this.starts.has(text.slice(i, i + 2)) ? this.lengths.get(text[i]!)! : []) {
        const name = text.slice(i, i + length);
        if (name.length === length && this.names.has(name) && !gluedToPost(name, text[i + length])) {
          hit = name;
          break;
        }
      }
      if (!hit) {
        i++;
        continue;
      }
      out.push({ start: i, end: i + hit.length, name: hit, trust: this.names.get(hit)! });
      i += hit.length;
    }
    return out;
  }
}

/** 某镇|长 (a town's head, not 某镇长…), 丰收村|民 (villagers of a harvest, not 丰收村): the name's last character is a word's. */
function gluedToPost(name: string, next: string | undefined): boolean {
  return (name.endsWith('镇') && next === '长' && name.length === 2) || (name.endsWith('村') && next === '民');
}

let gazetteer: NameIndex | null = null;
// One index per list of known places: a paper's list is the same for all its articles.
const withKnown = new Map<string, NameIndex>();

/** The gazetteer's names, with the registry's known places for this text as short forms. */
export function nameIndex(known: readonly string[] = []): NameIndex {
  gazetteer ??= new NameIndex(gazetteerNames(dictionaryFrequency, dictionaryTag));
  if (known.every((name) => gazetteer!.names.has(name))) return gazetteer;
  const key = known.join('\0');
  let index = withKnown.get(key);
  if (!index) {
    // The registry's places (长阳创谷, 杨浦滨江) are trusted as much as short forms: the paper's own.
    const names = new Map(gazetteer.names);
    for (const name of known) if (!names.has(name) && name.length >= 2) names.set(name, 'short');
    withKnown.set(key, (index = new NameIndex(names)));
  }
  return index;
}

/** May a name of `trust` cut through `token` (which it does not cover whole)? */
function cuttable(token: Token, trust: Trust): boolean {
  return trust === 'full' || token.tag === 'x' || token.word.length === 1;
}

/** `tokens` with every name of `index` in the text made one place word (tag `ns`). */
export function resegment(text: string, tokens: Token[], index: NameIndex): Token[] {
  const hits = index.find(text);
  if (hits.length === 0) return tokens;
  const out: Token[] = [];
  const rest = [...tokens];
  let k = 0;
  for (const hit of hits) {
    while (k < rest.length && rest[k]!.end <= hit.start) out.push(rest[k++]!);
    let last = k;
    while (last < rest.length && rest[last]!.end < hit.end) last++;
    const first = rest[k];
    const end = rest[last];
    if (!first || !end) break;
    const crossesStart = first.start < hit.start;
    const crossesEnd = end.end > hit.end;
    // A common word spelled like a town (花木, 海湾) stays what jieba made it when it is a whole word.
    const whole = !crossesStart && !crossesEnd && k === last;
    // A dictionary word that starts as the name does and goes on is a longer name (上海石化).
    const longer = crossesEnd && end.start === hit.start && end.tag !== 'x';
    if ((crossesStart && !cuttable(first, hit.trust)) || (crossesEnd && !cuttable(end, hit.trust)) || longer || (whole && hit.trust === 'part')) continue;
    if (crossesStart) out.push(piece(text, first.start, hit.start));
    out.push({ word: hit.name, tag: 'ns', start: hit.start, end: hit.end });
    k = last + 1;
    // The rest of a cut word is read again, and may itself start a name.
    if (crossesEnd) rest.splice(k, 0, piece(text, hit.end, end.end));
  }
  while (k < rest.length) out.push(rest[k++]!);
  return out;
}

function piece(text: string, start: number, end: number): Token {
  const word = text.slice(start, end);
  return { word, tag: dictionaryTag(word) || 'x', start, end };
}

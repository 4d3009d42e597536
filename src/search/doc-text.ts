/** The searchable text of an article: which fields are searched, in which order. */
import type { Article } from '../types.js';

/**
 * Joins an article's searchable fields with "\n" (a separator, so no match spans two fields).
 * The headline comes first, so the index can tell headline matches by offset.
 * Section names and jump markers are left out: they would make every article of a 版 match.
 */
export function articleSearchText(article: Article): string {
  const fields: string[] = [];
  const add = (s: string | null | undefined): void => {
    if (s && s.trim()) fields.push(s.trim());
  };
  add(article.headline);
  add(article.kicker);
  add(article.subheadline);
  add(article.dateline);
  article.paragraphs.forEach((p, i) => {
    for (const it of article.intertitles) if (it.beforeParagraph === i) add(it.text);
    add(p);
  });
  for (const it of article.intertitles) if (it.beforeParagraph >= article.paragraphs.length) add(it.text);
  article.captions.forEach(add);
  article.bylines.forEach(add);
  article.photoCredits.forEach(add);
  return fields.join('\n');
}

/** Length of the headline part of the search text (0 when the article has none). */
export function headlineText(article: Article): string {
  return article.headline?.trim() ?? '';
}

/** `--explain`: for each article of a page, which source lines went where and why. */
import type { ParsedPage } from './types.js';

const clip = (text: string, max = 28): string => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

/** Formats a parsed page as an indented trace of articles, their blocks and the reasons. */
export function explainPage(parsed: ParsedPage): string {
  const lines = [`${parsed.source}`];
  const m = parsed.meta;
  if (m.paper) lines.push(`  paper: ${m.paper.value}${m.paperInferred ? ' (inferred)' : ''} — ${m.paper.reason}`);
  if (m.date) lines.push(`  date: ${m.date.value}${m.dateInferred ? ' (inferred)' : ''} — ${m.date.reason}`);
  parsed.articles.forEach((a, i) => {
    lines.push(`  article ${i + 1}: ${a.headline ?? '(no headline)'}`);
    for (const b of a.blocks) {
      const { start, end } = b.position;
      const where = start.line === end.line ? `${start.line}:${start.column}` : `${start.line}:${start.column}-${end.line}:${end.column}`;
      lines.push(`    ${where.padEnd(12)} ${b.kind.padEnd(12)} ${clip(b.text)}  (${b.reason})`);
    }
  });
  for (const b of parsed.furniture) {
    lines.push(`  furniture ${b.position.start.line}:${b.position.start.column}  ${clip(b.text)}  (${b.reason})`);
  }
  return lines.join('\n');
}

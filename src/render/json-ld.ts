/** JSON-LD script elements that input text cannot break out of. */
import { h } from 'hastscript';
import type { Element } from 'hast';

/**
 * Serialises data for a <script> element. Script content is raw text in HTML, so the
 * stringifier does not escape it: `</script>` or `<!--` in a headline would end or confuse
 * the element. Escaping `<`, `>` and `&` as JSON unicode escapes keeps the JSON equal and the
 * HTML inert; U+2028/2029 are escaped for old JavaScript parsers.
 */
export function safeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A `<script type="application/ld+json">` element holding `data`. */
export function jsonLdScript(data: unknown): Element {
  return h('script', { type: 'application/ld+json' }, safeJson(data));
}

/**
 * The article page's 引用本文 section (contract §4): the GB/T 7714 reference as text
 * (`[data-cite="gbt7714"]`) and links to the BibTeX, RIS and CSL-JSON files
 * (`a[data-cite-download]`). The copy button is added by assets/cite.js, so a page without
 * JavaScript shows no button that cannot work.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import { CITE_FILES, CITE_FORMATS, gbt7714, type Reference } from '../cite/index.js';

/** The section for `ref`. */
export function renderCitation(ref: Reference): Element {
  const links = CITE_FORMATS.flatMap((format, i) => {
    const file = CITE_FILES[format];
    const extension = file.name.slice(file.name.lastIndexOf('.'));
    const link = h('a', { href: ref.files[format], dataCiteDownload: format, download: `${ref.key}${extension}`, type: file.type }, file.label);
    return i === 0 ? [link] : ['、', link];
  });
  return h('section', { className: ['cite'], ariaLabelledBy: 'cite-title' }, [
    h('h2', { id: 'cite-title', className: ['cite-title'] }, '引用本文'),
    h('p', { className: ['cite-line'] }, [h('span', { className: ['cite-label'] }, 'GB/T 7714：'), h('span', { dataCite: 'gbt7714' }, gbt7714(ref))]),
    h('p', { className: ['cite-downloads'] }, ['下载引文：', ...links]),
  ]);
}

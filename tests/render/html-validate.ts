/** The html-validate configuration every renderer test uses. */
import { HtmlValidate } from 'html-validate';

/** html-validate's recommended rules; each relaxation says why. */
export const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // The search page labels its results list (<ol aria-label="搜索结果">). A list is a namable
    // role in WAI-ARIA, so the label is valid; the rule's default only flags it as "not
    // recommended". Still flags aria-label on elements that cannot be named at all.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
});

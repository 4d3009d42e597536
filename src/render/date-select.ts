/**
 * A date field written the way Chinese forms print a date, ［2020］年［7］月［27］日: three selects,
 * each followed by its unit as its label, in a fieldset named by the field. `<input type=date>`
 * shows the browser's locale (mm/dd/yyyy in an English browser), whatever the page's language.
 * The selects carry no `name`: the search page's script (src/browser/search.ts) turns them into
 * the ISO date of the `from` / `to` URL parameter, so filtering and URLs are as before.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';

/** What one date field needs: its parameter name, its label, an id prefix and the years to offer. */
export interface DateFieldSpec {
  /** URL parameter the date belongs to (`from`, `to`); also `data-date-field`. */
  name: string;
  /** The field's label, shown as the fieldset's legend. */
  legend: string;
  /** Prefix of the selects' ids: `<id>-year`, `<id>-month`, `<id>-day`. */
  id: string;
  /** Earliest and latest year to offer (inclusive); none when the archive has no dated issue. */
  years?: { first: number; last: number };
}

/** The empty choice of each select: no year means no limit; no month the whole year; no day the whole month. */
const emptyChoice = { year: '不限', month: '全年', day: '全月' } as const;
const units = { year: '年', month: '月', day: '日' } as const;

/** Renders one date field as a fieldset of 年/月/日 selects. */
export function renderDateField(spec: DateFieldSpec): Element {
  const years = spec.years ? range(spec.years.first, spec.years.last) : [];
  const part = (key: keyof typeof units, values: number[]): Element => {
    const id = `${spec.id}-${key}`;
    // Each select stays on one line with its unit when the field wraps on a phone.
    return h('span', { className: ['date-part'] }, [
      h('select', { id, dataDatePart: key }, [h('option', { value: '' }, emptyChoice[key]), ...values.map((value) => h('option', { value: String(value) }, String(value)))]),
      h('label', { for: id }, units[key]),
    ]);
  };
  return h('fieldset', { className: ['date-field'], dataDateField: spec.name }, [
    h('legend', spec.legend),
    h('div', { className: ['date-parts'] }, [part('year', years), part('month', range(1, 12)), part('day', range(1, 31))]),
  ]);
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

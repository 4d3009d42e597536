/** The search page's 年/月/日 fields as ISO dates (pure functions of src/browser/state.ts; no browser). */
import { describe, expect, it } from 'vitest';
import { isoFromParts, partsFromIso } from '../../src/browser/state.js';

describe('isoFromParts', () => {
  it('gives the chosen day, zero-padded, for both ends of the range', () => {
    expect(isoFromParts({ year: '2020', month: '7', day: '27' }, 'from')).toBe('2020-07-27');
    expect(isoFromParts({ year: '2020', month: '7', day: '27' }, 'to')).toBe('2020-07-27');
  });

  it('has no date while the year is open, whatever month and day say', () => {
    expect(isoFromParts({ year: '', month: '7', day: '27' }, 'from')).toBeUndefined();
    expect(isoFromParts({ year: '', month: '', day: '' }, 'to')).toBeUndefined();
    expect(isoFromParts({ year: '20x0', month: '', day: '' }, 'to')).toBeUndefined();
  });

  it('covers a whole year (全年) or month (全月): from its first day, to its last', () => {
    expect(isoFromParts({ year: '2020', month: '', day: '' }, 'from')).toBe('2020-01-01');
    expect(isoFromParts({ year: '2020', month: '', day: '15' }, 'to')).toBe('2020-12-31');
    expect(isoFromParts({ year: '2020', month: '2', day: '' }, 'from')).toBe('2020-02-01');
    expect(isoFromParts({ year: '2020', month: '2', day: '' }, 'to')).toBe('2020-02-29');
    expect(isoFromParts({ year: '2021', month: '2', day: '' }, 'to')).toBe('2021-02-28');
  });

  it('takes a day past the end of the month as its last day', () => {
    expect(isoFromParts({ year: '2021', month: '2', day: '31' }, 'from')).toBe('2021-02-28');
    expect(isoFromParts({ year: '2020', month: '4', day: '31' }, 'to')).toBe('2020-04-30');
  });
});

describe('partsFromIso', () => {
  it('shows an ISO date as the selects hold it, and round-trips', () => {
    expect(partsFromIso('2020-07-07')).toEqual({ year: '2020', month: '7', day: '7' });
    expect(isoFromParts(partsFromIso('2020-07-07'), 'to')).toBe('2020-07-07');
  });

  it('leaves every select at its empty choice without a date', () => {
    expect(partsFromIso(undefined)).toEqual({ year: '', month: '', day: '' });
    expect(partsFromIso('bad')).toEqual({ year: '', month: '', day: '' });
  });
});

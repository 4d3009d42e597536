/** Calendar arithmetic and Chinese date formatting; UTC throughout so the host's time zone cannot change output. */

export interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses `yyyy-mm-dd`; null for anything else (including impossible dates such as 2022-02-30). */
export function parseIsoDate(iso: string | null): YearMonthDay | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week with Monday = 0 … Sunday = 6, as Chinese calendars print it. */
export function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** Column headers of a Monday-first week: 一 … 日. */
export const weekdayShort = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** 星期一 … 星期日 for an index from weekdayIndex. */
export function weekdayName(index: number): string {
  return `星期${weekdayShort[index] ?? ''}`;
}

/** `2022-01-17` → `2022年1月17日`; null dates read 日期不详. */
export function formatDate(iso: string | null): string {
  const date = parseIsoDate(iso);
  if (!date) return iso ?? '日期不详';
  return `${date.year}年${date.month}月${date.day}日`;
}

/** `2022-01-17` → `2022年1月17日 星期一`. */
export function formatDateWithWeekday(iso: string | null): string {
  const date = parseIsoDate(iso);
  if (!date) return formatDate(iso);
  return `${formatDate(iso)} ${weekdayName(weekdayIndex(date.year, date.month, date.day))}`;
}

/** Zero-padded ISO date for a day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

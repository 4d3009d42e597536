/**
 * `npm run score`: the parser's scores against gold structures kept in this repository.
 *
 *   npm run score                          # dist/api (npm run build first) vs the seeds' gold
 *   npm run score -- --api DIR --gold DIR  # any built data API vs any gold folder
 *   npm run score -- --fixtures            # the held-out pages under tests/fixtures/parse/
 *   npm run score -- --simulated [--count 200] [--seed 1]   # simulated pages (scripts/simulate)
 *   … [--verbose] [--json] [--only PREFIX] [--no-lexicon]
 *
 * Exit status 0 after scoring, 2 on a usage error (missing folder, unreadable catalog).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ScoreResult, scorePages, scoreTable } from './metrics.js';
import { ScoreUsageError, loadGold, loadOutput } from './load.js';
import { scoreFixtures, scoreSimulated } from './in-memory.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run score -- [--api DIR] [--gold DIR] | --fixtures | --simulated [--count N] [--seed N]  [--verbose] [--json] [--only PREFIX]';

/** Runs the scorer with `argv`; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      api: { type: 'string', default: path.join(ROOT, 'dist/api') },
      gold: { type: 'string', default: path.join(ROOT, 'tests/fixtures/gold') },
      fixtures: { type: 'boolean', default: false },
      simulated: { type: 'boolean', default: false },
      count: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      'no-lexicon': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) { console.log(USAGE); return 0; }
  const verbose = values.verbose;
  // Parsing in memory (--fixtures, --simulated) can leave the lexicon out, to measure what it adds.
  const parse = values['no-lexicon'] ? { lexicon: null } : {};
  let result: ScoreResult;
  if (values.simulated) {
    const count = Number(values.count);
    const seed = Number(values.seed);
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new ScoreUsageError(`--count and --seed take whole numbers\n${USAGE}`);
    result = scoreSimulated({ count, seed, verbose, parse });
  } else if (values.fixtures) {
    result = scoreFixtures({ verbose, parse, ...(values.only ? { only: values.only } : {}) });
  } else {
    let api = values.api;
    if (!fs.existsSync(path.join(api, 'catalog.json')) && fs.existsSync(path.join(api, 'api', 'catalog.json'))) api = path.join(api, 'api');
    const { pages, warnings } = loadOutput(api);
    for (const w of warnings) console.error(`warning: ${w}`);
    result = scorePages(loadGold(values.gold), pages, { verbose });
  }
  if (values.only) result = { ...result, pages: result.pages.filter((p) => p.page.startsWith(values.only ?? '')) };
  console.log(values.json ? JSON.stringify(result, null, 2) : scoreTable(result));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    if (!(error instanceof ScoreUsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    console.error(`score: ${(error as Error).message}`);
    process.exitCode = 2;
  });
}

#!/usr/bin/env node
/**
 * The `baokan` command (`npm run build` in a checkout): runs the CLI and sets the exit status.
 * Whatever escapes it (an error thrown outside a build, a promise nobody awaited) is reported
 * as an internal error with exit status 3, never as a bare stack trace.
 */
import { EXIT, main, reportFailure } from './cli.js';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const internal = (error: unknown): void => {
  reportFailure(error, { verbose }, undefined);
  process.exit(EXIT.internal);
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

try {
  process.exitCode = await main(argv);
} catch (error) {
  internal(error);
}

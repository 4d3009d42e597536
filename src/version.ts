/** The generator's name and version, from package.json, as written into the data API. */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const GENERATOR = `${pkg.name} ${pkg.version}`;

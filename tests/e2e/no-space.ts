/**
 * Preloaded into a build (`node --import tsx --import tests/e2e/no-space.ts src/bin.ts …`) to
 * make the disk "full" while the site is written: writing `about/index.html` into a staging
 * folder fails with ENOSPC, as it would on a full disk. Used by failure.test.ts.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const writeFile = fs.promises.writeFile;
fs.promises.writeFile = (async (...args: Parameters<typeof writeFile>) => {
  const file = String(args[0]);
  if (file.includes('.baokan-staging-') && file.endsWith('about/index.html')) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  }
  return writeFile(...args);
}) as typeof writeFile;
// `import { writeFile } from 'node:fs/promises'` in src/write.ts sees the replacement too.
syncBuiltinESMExports();

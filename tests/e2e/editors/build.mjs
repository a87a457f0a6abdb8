// Bundles the real editors for the fixture pages (esbuild, from the npm lock file).
import { build } from 'esbuild';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const EDITORS_OUT = join(here, '../../../target/e2e-editors');

async function mtime(p) {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds lexical.bundle.js, draft.bundle.js and field.bundle.js into target/e2e-editors when stale. */
export async function buildEditors() {
  await mkdir(EDITORS_OUT, { recursive: true });
  for (const name of ['lexical', 'draft', 'field']) {
    const src = join(here, `${name}.js`);
    const out = join(EDITORS_OUT, `${name}.bundle.js`);
    if ((await mtime(out)) > (await mtime(src))) continue;
    await build({
      entryPoints: [src],
      outfile: out,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'chrome116',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'warning',
    });
  }
}

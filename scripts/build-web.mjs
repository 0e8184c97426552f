#!/usr/bin/env node
/**
 * Builds the web app into dist/web: src/web/app.ts bundled by esbuild (every import inlined; no
 * CDN, works offline), with index.html and styles.css copied beside it. Run after tsc by `npm run build`;
 * `--out DIR` writes elsewhere.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src', 'web');
// --out DIR builds elsewhere (the browser tests build into a temporary folder).
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ? resolve(values.out) : join(root, 'dist', 'web');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(src, 'app.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
for (const file of ['index.html', 'styles.css']) copyFileSync(join(src, file), join(out, file));
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`web app built in ${out} (${Math.round(bytes / 1024)} KB with source map)\n`);

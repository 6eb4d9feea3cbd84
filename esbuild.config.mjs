// Bundles the extension into one file; `vscode` is provided by the editor at run time.
// The dashboard page is a second bundle, for the browser the webview runs in.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  outdir: 'dist',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  // jsonc-parser's default entry is a UMD build whose inner requires a bundler can't follow.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...shared,
    // The analysis worker is its own bundle: worker threads load it by path.
    entryPoints: { extension: 'src/extension.ts', analysisWorker: 'src/core/analysis/worker.ts' },
    external: ['vscode'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  },
  {
    ...shared,
    // The devrel-desk command line: plain Node, the same core, no editor.
    entryPoints: { cli: 'src/cli/main.ts' },
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { __DEVREL_DESK_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  {
    ...shared,
    // Loaded by the dashboard panel's HTML under a strict Content Security Policy.
    entryPoints: { dashboard: 'src/webview/dashboard/main.ts' },
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

#!/usr/bin/env node
/* global process, URL */
// The command-line entry. It runs the compiled CLI in dist/ (`npm run build:server`, which `npm start`
// and `npm test` run) when that is newer than every source file; otherwise, after an edit or before
// any build, the TypeScript sources through tsx. So a change is never run stale, only slower.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli.js');

function newestSource() {
  let newest = 0;
  for (const f of readdirSync(join(root, 'src'), { recursive: true }))
    newest = Math.max(newest, statSync(join(root, 'src', f)).mtimeMs);
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource()) {
  process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

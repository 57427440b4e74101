import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL } from '../support/databases.ts';

/** The floor benchmark in miniature, so it never rots: it runs, measures both modes and writes its files. */
const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', `floor-smoke-${process.pid}`);
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
afterAll(() => ['json', 'md'].forEach((ext) => rmSync(`${OUT}.${ext}`, { force: true })));

describe.skipIf(!POSTGRES_URL)('bench/floor.ts', () => {
  it('measures one step per transaction and batched steps on PostgreSQL, and writes JSON and Markdown', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/floor.ts',
        '--clients',
        '4',
        '--seconds',
        '0.5',
        '--batch',
        '10',
        '--out',
        OUT,
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: POSTGRES_URL }, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(`${OUT}.json`, 'utf8')) as Record<string, Record<string, number>>;
    expect(result.single).toMatchObject({ mode: 'single', clients: 4, stepsPerTransaction: 1 });
    expect(result.batched).toMatchObject({ mode: 'batched', stepsPerTransaction: 10 });
    for (const run of [result.single!, result.batched!]) {
      expect(run.steps).toBeGreaterThan(0);
      expect(run.walBytesPerStep).toBeGreaterThan(0);
    }
    expect(readFileSync(`${OUT}.md`, 'utf8')).toMatch(/\| batched \| 4 \| 10 \|/);
  }, 120_000);
});

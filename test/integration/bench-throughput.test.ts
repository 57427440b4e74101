import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL } from '../support/databases.ts';

/**
 * `npm run bench` in miniature, so the benchmarks never rot: the replays (one and two engine
 * processes on PostgreSQL, and PGlite), the reads under load, the sustained load, and the summary. Figures are
 * not asserted; that each run finished clean, without double processing, and wrote them is.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', `bench-smoke-${process.pid}`);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

type Replay = Record<string, number | boolean | string | null>;
type Read = { rps: number; errors: number; non2xx: number; bytesPerAnswer: number };

describe.skipIf(!POSTGRES_URL)('npm run bench', () => {
  it('replays on PostgreSQL (1 and 2 processes) and PGlite, reads under load, and writes the summary', () => {
    const r = spawnSync(
      process.execPath,
      [
        ...['--import', 'tsx', 'bench/all.ts', '--cases', '40', '--seconds', '1'],
        ...['--floor-seconds', '0.3', '--processes', '1,2', '--out', OUT],
        ...['--sustained-rate', '5', '--sustained-seconds', '3'],
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: POSTGRES_URL }, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(OUT, 'summary.json'), 'utf8')) as {
      replaySeconds: number;
      ratioToFloor: number;
      replays: Replay[];
      rounds: Replay;
      pglite: Replay;
      reads: { caseStatus: Read; wholeCase: Read; helloWorld: Read };
      sustained: { steps: number; overheadMs: { p99: number }; noneLostOrDuplicated: boolean };
    };
    expect(summary.replaySeconds).toBeGreaterThan(0);
    expect(summary.ratioToFloor).toBeGreaterThan(0);
    expect(summary.replays.map((x) => x.processes)).toEqual([1, 2]);
    expect(summary.rounds).toMatchObject({ driver: 'rounds', processes: 1 });
    for (const x of [...summary.replays, summary.rounds, summary.pglite]) {
      expect(x).toMatchObject({ verifyOk: true, noDoubleProcessing: true, openItems: 0 });
      expect(x.statementsPerCase).toBeGreaterThan(0);
    }
    expect(summary.pglite).toMatchObject({ store: 'pglite', cases: 4 });
    // Where the WAL went, read back from the server (pg_walinspect, PostgreSQL 15 and later).
    const one = JSON.parse(readFileSync(join(OUT, 'replay-postgres-anhui-40-p1.json'), 'utf8')) as {
      walBytesPerCase: number;
      walByRelation: { relation: string; kbPerCase: number }[];
    };
    const relations = one.walByRelation.map((w) => w.relation);
    expect(relations).toEqual(
      expect.arrayContaining(['outbox', 'case_events', 'case_items', 'case_events (TOAST)']),
    );
    const readBack = one.walByRelation.reduce((t, w) => t + w.kbPerCase * 1000, 0);
    expect(readBack).toBeGreaterThan(one.walBytesPerCase / 2);
    expect(readBack).toBeLessThanOrEqual(one.walBytesPerCase * 1.01);
    for (const read of [summary.reads.caseStatus, summary.reads.wholeCase, summary.reads.helloWorld]) {
      expect(read.rps).toBeGreaterThan(0);
      expect(read).toMatchObject({ errors: 0, non2xx: 0 });
    }
    // The status poll is the light read: less than half of the whole case.
    expect(summary.reads.caseStatus.bytesPerAnswer).toBeLessThan(summary.reads.wholeCase.bytesPerAnswer / 2);
    // Realistic departments: every step measured, nothing lost or done twice despite faults and timeouts.
    expect(summary.sustained.steps).toBeGreaterThan(0);
    expect(summary.sustained.overheadMs.p99).toEqual(expect.any(Number));
    expect(summary.sustained.noneLostOrDuplicated).toBe(true);
    expect(readFileSync(join(OUT, 'summary.md'), 'utf8')).toMatch(
      /\| postgres, 2 process\(es\), live \| 40 \|/,
    );
  }, 300_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server.ts';
import type { Db } from '../../src/store/db.ts';
import { enqueue } from '../../src/store/outbox-store.ts';
import { DB_KINDS, freshDb, POSTGRES_URL } from '../support/databases.ts';

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function store(kind: (typeof DB_KINDS)[number]) {
  const db = await freshDb(kind);
  open.push(() => db.close());
  return db;
}

async function listening(db: Db) {
  let rings = 0;
  const stop = await db.onOutboxCommitted(() => rings++);
  open.push(stop);
  // PostgreSQL's listener rings once when it connects (what was committed before it listened).
  await expect.poll(() => rings).toBeGreaterThanOrEqual(db.kind === 'postgres' ? 1 : 0);
  return { rings: () => rings, reset: () => (rings = 0) };
}

const message = (key: string) => ({
  kind: 'notify' as const,
  topic: 'sms',
  idempotencyKey: key,
  caseId: null,
  payload: { to: 'test', text: 'test' },
});
const settle = () => new Promise((r) => setTimeout(r, 300));

/**
 * The outbox's doorbell (migration 0027): a server sends what a commit put in the outbox at once,
 * not at its next poll. It rings on commit only, and only for its own store.
 */
describe.each(DB_KINDS)('the outbox doorbell on %s', (kind) => {
  it('rings when rows are committed into the outbox, not when they are rolled back', async () => {
    const db = await store(kind);
    const bell = await listening(db);
    bell.reset();
    await db
      .transaction(async (tx) => {
        await enqueue(tx, [message('rolled-back')], new Date());
        throw new Error('changed our mind');
      })
      .catch(() => undefined);
    await settle();
    expect(bell.rings()).toBe(0);

    await db.transaction(async (tx) => {
      await enqueue(tx, [message('a'), message('b')], new Date());
      await enqueue(tx, [message('c')], new Date());
    });
    await expect.poll(() => bell.rings()).toBe(1);
  });
});

describe('a server', () => {
  it('sends what is committed into the outbox at once, not at its next poll', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onething-doorbell-'));
    open.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    // Polled once an hour: only the doorbell can explain a text sent within seconds.
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      simulatorSeconds: { min: 0, max: 0 },
      outboxPollMs: 3_600_000,
    });
    open.push(server.stop);
    await server.db.transaction((tx) => enqueue(tx, [message('at-once')], new Date()));
    await expect
      .poll(
        async () =>
          (
            await server.db.query<{ status: string }>(
              `select status from outbox where idempotency_key = 'at-once'`,
            )
          )[0]?.status,
      )
      .toBe('done');
  });
});

// PGlite holds one store per process; several stores share one server only on PostgreSQL.
describe.skipIf(!POSTGRES_URL)('the outbox doorbell on a PostgreSQL server with several stores', () => {
  it('does not ring for another store on the same server', async () => {
    const ours = await store('postgres');
    const theirs = await store('postgres');
    const bell = await listening(ours);
    bell.reset();
    await theirs.transaction((tx) => enqueue(tx, [message('theirs')], new Date()));
    await settle();
    expect(bell.rings()).toBe(0);
    await ours.transaction((tx) => enqueue(tx, [message('ours')], new Date()));
    await expect.poll(() => bell.rings()).toBe(1);
  });
});

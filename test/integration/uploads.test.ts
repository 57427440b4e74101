import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fsBlobStore } from '../../src/blobs/fs-blob-store.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { uploadContent } from '../../src/store/upload-store.ts';
import { DB_KINDS, freshDb, type DbKind } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * Uploads live in the content-addressed blob store, not in the table: streamed in from the request
 * and out again byte for byte, kept once per content, and refused or broken off without a trace.
 */
const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

/** Every file under a directory, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

const png = (size: number) => {
  const b = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return b;
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** A real connection sending `chunks` × 100 kB without a declared length; the answer's status. */
async function chunkedUpload(app: FastifyInstance, authorization: string, chunks: number) {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${address}/api/citizen/uploads/hukou-book`,
      { method: 'POST', headers: { authorization, 'content-type': 'image/png' } },
      (res) => (res.resume(), resolve(res.statusCode!)),
    );
    // The server answers and stops reading before the rest is sent: that write may fail.
    req.on('error', (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)));
    for (let i = 0; i < chunks; i++) req.write(i === 0 ? png(100_000) : randomBytes(100_000));
    req.end();
  });
}

async function setup(kind: DbKind) {
  const db: Db = await freshDb(kind);
  open.push(db);
  const dir = mkdtempSync(join(tmpdir(), 'onething-uploads-'));
  const blobs = fsBlobStore(dir);
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const family = sampleSituation('fujian');
  shared.load(family);
  const engine = testEngine({ db, clock, shared, blobs, newCaseId: () => 'U-1' });
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: {},
    dev: { registries: shared, payments: engine.cashier },
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: false,
  });
  open.push(app);
  const mother = family.mother.idNumber;
  return { db, dir, blobs, engine, app, mother, login: { authorization: `Bearer dev:${mother}` } };
}

for (const kind of DB_KINDS) {
  describe(`uploads in the blob store on ${kind}`, () => {
    it('streams a 1 MB upload in and back out byte for byte, the table keeping only its metadata', async () => {
      const { db, dir, blobs, app, mother, login } = await setup(kind);
      const file = png(1_000_000);
      const r = await app.inject({
        method: 'POST',
        url: '/api/citizen/uploads/hukou-book',
        headers: { ...login, 'content-type': 'image/png' },
        payload: file,
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({
        material: 'hukou-book',
        sha256: sha(file),
        mime: 'image/png',
        size: 1e6,
      });
      const h = sha(file);
      expect(filesUnder(dir)).toEqual([join(h.slice(0, 2), h.slice(2, 4), h)]);
      expect(await read((await blobs.get(h))!)).toEqual(file);
      const [row] = await db.query<{ bytes: unknown; size: number }>('select bytes, size from uploads');
      expect(row).toEqual({ bytes: null, size: 1_000_000 });
      expect(await uploadContent(db, [mother], h)).toEqual({ mime: 'image/png', bytes: null });
    });

    it('keeps the same content once, whichever route and material it came by', async () => {
      const { dir, app, engine, mother, login } = await setup(kind);
      const file = png(50_000);
      const a = await app.inject({
        method: 'POST',
        url: '/api/citizen/uploads/hukou-book',
        headers: { ...login, 'content-type': 'application/octet-stream' },
        payload: file,
      });
      const b = await engine.parent.upload(mother, 'birth-certificate-pages', file);
      const c = await app.inject({
        method: 'POST',
        url: '/api/citizen/uploads',
        headers: login,
        payload: { material: 'hukou-book', dataUrl: `data:image/png;base64,${file.toString('base64')}` },
      });
      expect([a.statusCode, c.statusCode]).toEqual([201, 201]);
      expect(new Set([a.json().sha256, b.sha256, c.json().sha256])).toEqual(new Set([sha(file)]));
      expect(c.json().uploadId).toBe(a.json().uploadId);
      expect(b.uploadId).not.toBe(a.json().uploadId);
      expect(filesUnder(dir)).toHaveLength(1);
    });

    it('refuses an over-size upload while it streams, reading no further and keeping nothing', async () => {
      const { db, dir, engine, app, mother, login } = await setup(kind);
      let pulled = 0;
      async function* twoMegabytes() {
        for (let i = 0; i < 20; i++) {
          pulled++;
          yield i === 0 ? png(100_000) : randomBytes(100_000);
        }
      }
      await expect(engine.parent.uploadStream(mother, 'hukou-book', twoMegabytes())).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: { field: 'body' },
        messages: { zh: expect.stringContaining('1.5 MB'), en: expect.stringContaining('1.5 MB') },
      });
      expect(pulled).toBe(16);
      // Over HTTP: refused from the declared length, and from the stream when the length is not declared.
      const big = await app.inject({
        method: 'POST',
        url: '/api/citizen/uploads/hukou-book',
        headers: { ...login, 'content-type': 'image/png' },
        payload: png(1_600_000),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body' });
      expect(await chunkedUpload(app, login.authorization, 17)).toBe(413);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/citizen/uploads/hukou-book',
        headers: { ...login, 'content-type': 'image/png' },
        payload: Buffer.from('GIF89a not what we take'),
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message.en).toContain('only JPG or PNG images or PDF files');
      expect(filesUnder(dir)).toEqual([]);
      expect(await db.query('select 1 from uploads')).toEqual([]);
    });

    it('leaves no file under the address when the stream breaks off mid-write', async () => {
      const { dir, blobs, engine, mother } = await setup(kind);
      const file = png(600_000);
      const source = new PassThrough();
      const pending = engine.parent.uploadStream(mother, 'hukou-book', source);
      source.write(file.subarray(0, 300_000));
      await new Promise((r) => setTimeout(r, 20));
      source.destroy(new Error('connection reset'));
      await expect(pending).rejects.toThrow('connection reset');
      expect(await blobs.exists(sha(file))).toBe(false);
      expect(filesUnder(dir)).toEqual([]);
      // The whole file, sent again, is stored under its address.
      await engine.parent.uploadStream(mother, 'hukou-book', PassThrough.from([file]));
      expect(await blobs.exists(sha(file))).toBe(true);
    });

    it('still reads a file stored in the table before the blob store (migration 0022)', async () => {
      const { db, mother } = await setup(kind);
      const old = png(1000);
      await db.query(
        `insert into uploads (id, owner_id_number, material, mime, size, sha256, bytes, created_at)
         values ('U-old', $1, 'hukou-book', 'image/png', 1000, $2, $3, now())`,
        [db.personal.index(mother), sha(old), old],
      );
      expect(await uploadContent(db, [mother], sha(old))).toEqual({ mime: 'image/png', bytes: old });
    });
  });
}

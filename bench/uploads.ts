// The upload burst of issue 13: 100 uploads of 1 MB, 20 at a time, against a started server (its own
// process, `onething start`), while /healthz is asked every 50 ms. Uploads go to the blob store.
// Usage: npx tsx bench/uploads.ts [--route file|data-url] [--uploads 100] [--parallel 20] [--mb 1]
//   --route file:     POST /api/citizen/uploads/{material}, the file itself as the body (streamed)
//   --route data-url: POST /api/citizen/uploads, JSON with a base64 data URL (what the app sends)
// DATABASE_URL selects PostgreSQL. Writes bench/results/uploads-<store>-<route>.json; asserts nothing.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    route: { type: 'string', default: 'file' },
    uploads: { type: 'string', default: '100' },
    parallel: { type: 'string', default: '20' },
    mb: { type: 'string', default: '1' },
  },
});
const route = values.route === 'data-url' ? 'data-url' : 'file';
const total = Number(values.uploads);
const parallel = Number(values.parallel);
const size = Math.round(Number(values.mb) * 1_000_000);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const BIN = fileURLToPath(new URL('../bin/onething.js', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'onething-bench-uploads-'));
const server = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
  cwd,
  // The rate limits and the per-applicant quota would stop one applicant's burst early (their job);
  // lifted here, so the whole burst reaches the storage path this measures.
  env: {
    ...process.env,
    NODE_ENV: 'development',
    RATE_LIMIT_UPLOADS_PER_IP: '100000',
    RATE_LIMIT_UPLOADS_PER_USER: '100000',
    UPLOAD_QUOTA_FILES: '100000',
    UPLOAD_QUOTA_BYTES: '100000000000',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (d) => (output += d));
server.stderr.on('data', (d) => (output += d));
const { url, login } = await new Promise<{ url: string; login: string }>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 120_000);
  server.stdout.on('data', () => {
    const m = /API and docs:\s+(http:\/\/\S+)\/docs/.exec(output);
    const l = /(Bearer dev:\d{17}[\dX])/.exec(output);
    if (m && l) {
      clearTimeout(timer);
      resolve({ url: m[1]!, login: l[1]! });
    }
  });
});

/** A PNG's signature, then noise: each upload distinct, so each is really written. */
const file = () => {
  const b = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return b;
};
const send = async (b: Buffer) => {
  const r =
    route === 'file'
      ? await fetch(`${url}/api/citizen/uploads/hukou-book`, {
          method: 'POST',
          headers: { authorization: login, 'content-type': 'image/png' },
          body: new Uint8Array(b),
        })
      : await fetch(`${url}/api/citizen/uploads`, {
          method: 'POST',
          headers: { authorization: login, 'content-type': 'application/json' },
          body: JSON.stringify({
            material: 'hukou-book',
            dataUrl: `data:image/png;base64,${b.toString('base64')}`,
          }),
        });
  await r.arrayBuffer();
  return r.status;
};

// One upload first, so the route's first-call costs (schema compilation, the store's first write)
// are not counted as the burst's.
await send(file());
const loadBefore = loadavg()[0];

const started = performance.now();
const health: number[] = [];
const slowProbes: { atMs: number; ms: number }[] = [];
let burst = true;
const probe = (async () => {
  while (burst) {
    const t = performance.now();
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    const ms = performance.now() - t;
    health.push(ms);
    if (ms > 250) slowProbes.push({ atMs: Math.round(t - started), ms: Math.round(ms) });
    await new Promise((r) => setTimeout(r, 50));
  }
})();

const statuses: Record<number, number> = {};
const uploadMs: number[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: parallel }, async () => {
    while (next < total) {
      next++;
      const b = file();
      const t = performance.now();
      const s = await send(b);
      uploadMs.push(performance.now() - t);
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
burst = false;
await probe;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(cwd, { recursive: true, force: true });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};
const result = {
  measuredAt: new Date().toISOString(),
  // The machine is shared: the 1-minute load average before the burst says how busy it was.
  machine: { cores: cpus().length, node: process.version, loadBefore: Math.round(loadBefore! * 100) / 100 },
  store,
  route,
  uploads: total,
  parallel,
  bytesEach: size,
  statuses,
  burstSeconds: Math.round(seconds * 100) / 100,
  uploadMs: { p50: pct(uploadMs, 50), p99: pct(uploadMs, 99), max: pct(uploadMs, 100) },
  healthz: { probes: health.length, p50: pct(health, 50), p99: pct(health, 99), max: pct(health, 100) },
  /** Probes over 250 ms: when in the burst (ms from its start) and how long they took. */
  slowProbes,
};
const out = `bench/results/uploads-${store}-${route}.json`;
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
console.log(`written to ${out}`);

// The cost of keying the event chain: HMAC-SHA-256 (now) against plain SHA-256 (before migration
// 0020), per event, over the real events of simulated cases; and `verifyStore` over the same store.
// Usage: npx tsx bench/chain-hash.ts [--region fujian] [--cases 200] [--rounds 20]
// Writes bench/results/chain-hash-<region>-<cases>.json; measures, asserts nothing.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CaseEvent } from '../src/domain/case.ts';
import type { RegionId } from '../src/domain/ids.ts';
import { runSimulation } from '../src/engine/simulation.ts';
import { verifyStore } from '../src/engine/verify.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { openDb } from '../src/store/db.ts';
import { chainHash, devChainKeys, GENESIS_HASH, plainChainHash } from '../src/store/event-chain.ts';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: 'fujian' },
    cases: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '20' },
  },
});
const region = values.region as RegionId;
const cases = Number(values.cases);
const rounds = Number(values.rounds);
const db = await openDb({ personal: personalDataFromEnv(process.env) });
const started = Date.now();
const summary = await runSimulation({
  region,
  cases,
  seed: 'chain-hash',
  db,
  start: new Date('2026-03-02T09:00:00+08:00'),
});
const simulateMs = Date.now() - started;
const events = (
  await db.query<{ seq: number; payload: CaseEvent }>('select seq, payload from case_events')
).map((r) => [r.seq, r.payload] as const);
const key = devChainKeys().current;

function time(hash: (prev: string, seq: number, e: CaseEvent) => string): number {
  const t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const [seq, e] of events) hash(GENESIS_HASH, seq, e);
  return Number(process.hrtime.bigint() - t) / 1000 / (rounds * events.length);
}
time(plainChainHash); // warm up
const plainUs = time(plainChainHash);
const hmacUs = time((p, s, e) => chainHash(key, p, s, e));
const v = Date.now();
const report = await verifyStore(db);
const verifyMs = Date.now() - v;
await db.close();

const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
  region,
  cases,
  events: events.length,
  meanEventBytes: Math.round(events.reduce((n, [, e]) => n + JSON.stringify(e).length, 0) / events.length),
  perEventMicroseconds: { plainSha256: +plainUs.toFixed(2), hmacSha256: +hmacUs.toFixed(2) },
  hmacOverPlain: +(hmacUs / plainUs).toFixed(2),
  hashingShareOfSimulation: +((hmacUs * events.length) / 1000 / simulateMs).toExponential(2),
  simulateMs,
  verify: { ms: verifyMs, ok: report.ok, problems: report.problems.length },
  accepted: summary.accepted,
};
const file = `bench/results/chain-hash-${region}-${cases}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2), `\nwritten to ${file}`);

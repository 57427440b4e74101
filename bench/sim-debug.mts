import { runSimulation } from '../src/engine/simulation.ts';
import { openDb } from '../src/store/db.ts';
const db = await openDb({});
const t = Date.now();
let last = 0;
const s = await runSimulation({ region: (process.argv[2] ?? 'fujian') as never, cases: Number(process.argv[3] ?? 20), seed: 'x', start: new Date('2026-03-02T09:00:00+08:00'), db, onProgress: (a, b) => { if (Date.now() - last > 2000) { last = Date.now(); console.error(a, b); } } });
console.log(JSON.stringify({ ...s, verify: { ...s.verify, problems: s.verify.problems.slice(0, 5) } }, null, 1), Date.now() - t);
await db.close();

// The floor: what raw PostgreSQL allows on this machine for the engine's unit of work, one step (a
// task row updated and an event appended). Measured one step per transaction and in batches, with
// N clients, on the server DATABASE_URL names (durable: fsync and synchronous_commit as configured).
// Usage: DATABASE_URL=postgres://… npx tsx bench/floor.ts [--clients 16] [--seconds 20] [--batch 100]
// Writes bench/results/floor-postgres.json and .md; measures, asserts nothing.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { floorTable, measureFloor } from './floor-measure.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '20' },
    batch: { type: 'string', default: '100' },
    out: { type: 'string', default: 'bench/results/floor-postgres' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name the PostgreSQL server to measure');

const result = await measureFloor(url, {
  clients: Number(values.clients),
  seconds: Number(values.seconds),
  batch: Number(values.batch),
});
writeFileSync(`${values.out}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  `${values.out}.md`,
  [
    `# The PostgreSQL floor (${result.measuredAt.slice(0, 10)}, ${result.machine.cores} cores, load ${result.machine.loadBefore} before)`,
    '',
    ...floorTable(result),
    '',
  ].join('\n'),
);
console.log(JSON.stringify(result, null, 2));

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { smsLog } from '../../src/engine/sms-log.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { generateFamilies } from '../../src/registries/population.ts';
import { isCitizenId } from '../../src/domain/citizen-id.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from '../support/databases.ts';

/**
 * A whole simulated run, with 10 % department faults and supplements, then a search of what leaves
 * the database, the server's log and the SMS log, for any family's full ID number or full name.
 */
const dir = mkdtempSync(join(tmpdir(), 'onething-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table's rows as JSON text, as `pg_dump` would write them (read past the sealing boundary). */
async function dumpStore(db: Db): Promise<Map<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() order by 1`,
  );
  const out = new Map<string, string>();
  for (const { name } of tables) {
    const rows = await db.query<{ row: string }>(`select row_to_json(t)::text as row from ${name} t`);
    out.set(name, rows.map((r) => r.row).join('\n'));
  }
  return out;
}

describe('personal data outside the database', () => {
  it('a simulated run leaves no full ID number or name in the log or the texts', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
    const start = new Date('2026-03-02T09:00:00+08:00');
    const db = await freshDb('pglite');
    const smsPath = join(dir, 'sms.log');
    const sms = smsLog(smsPath);
    let dump: Map<string, string> | undefined;
    try {
      const s = await runSimulation({
        region: 'anhui',
        cases: 40,
        seed: 'scan',
        start,
        db,
        sms,
        departments: { transientFaultRate: 0.1 },
      });
      expect(s.accepted).toBeGreaterThan(20);
      dump = await dumpStore(db);
    } finally {
      vi.restoreAllMocks();
      await db.close();
    }
    const texts = readFileSync(smsPath, 'utf8');
    // Texts were sent, each to a mobile number.
    expect(sms.sent).toBeGreaterThan(40);
    for (const line of texts.trim().split('\n'))
      expect((JSON.parse(line) as { to: string }).to).toMatch(/^1\d{10}$/);

    const people = generateFamilies('anhui', 40, { seed: 'scan', bornBy: start }).flatMap((f) =>
      [f.situation.mother, f.situation.father].filter((p) => !!p),
    );
    const outside = `${texts}\n${logged.join('\n')}`;
    const hits = people.flatMap((p) => [p.idNumber, p.name].filter((secret) => outside.includes(secret)));
    expect(hits).toEqual([]);

    // The store itself, table by table as a dump shows it: no ID number, name or phone in clear.
    if (!dump) throw new Error('the store was not dumped');
    expect(dump.get('cases')).toContain('pd1.');
    const inStore = [...dump].flatMap(([table, rows]) =>
      people.flatMap((p) =>
        [p.idNumber, p.name, p.phone]
          .filter((secret): secret is string => !!secret && rows.includes(secret))
          .map((secret) => `${table}: ${secret}`),
      ),
    );
    expect([...new Set(inStore)]).toEqual([]);
    // Nor anyone else's: the babies' new numbers, the registries' records, anything shaped like one.
    const anyId = [...dump].flatMap(([table, rows]) =>
      [...rows.matchAll(/(?<![0-9A-Za-z_-])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z_-])/g)]
        .filter((m) => isCitizenId(m[0]))
        .map((m) => `${table}: ${m[0]}`),
    );
    expect(anyId).toEqual([]);
  }, 600_000);
});

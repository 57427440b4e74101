import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { smsLog } from '../../src/engine/sms-log.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { generateFamilies } from '../../src/registries/population.ts';
import { freshDb } from '../support/databases.ts';

/**
 * A whole simulated run, with 10 % department faults and supplements, then a search of what leaves
 * the database, the server's log and the SMS log, for any family's full ID number or full name.
 */
const dir = mkdtempSync(join(tmpdir(), 'onething-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('personal data outside the database', () => {
  it('a simulated run leaves no full ID number or name in the log or the texts', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
    const start = new Date('2026-03-02T09:00:00+08:00');
    const db = await freshDb('pglite');
    const smsPath = join(dir, 'sms.log');
    const sms = smsLog(smsPath);
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
  }, 600_000);
});

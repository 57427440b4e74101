import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { addDays, beijingDate } from '../../src/domain/local-date.ts';
import { addWorkingDays, workingTimeBetween } from '../../src/domain/sla-clock.ts';
import { workingDays } from '../../src/engine/supervisor/measure.ts';
import type { Db } from '../../src/store/db.ts';
import { calendarSql, Params } from '../../src/store/supervision-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/**
 * Supervision counts working time in SQL, over the calendar as arrays; the SLA clock counts it in
 * TypeScript. For any two instants and any number of days they must agree, holidays and make-up
 * working days (调休) included.
 */
const calendar = officialCalendar();
const FIRST = '2025-12-31';
const cal = workingDays(calendar, FIRST, '2027-03-31');
const instant = fc
  .date({ min: new Date('2026-01-01T00:00:00+08:00'), max: new Date('2026-12-31T23:59:59+08:00') })
  .filter((d) => !Number.isNaN(d.getTime()));

async function inSql(db: Db, build: (p: Params, c: ReturnType<typeof calendarSql>) => string) {
  const p = new Params();
  const sql = build(p, calendarSql(p, cal));
  const [row] = await db.query<{ v: unknown }>(`select ${sql} as v`, p.values);
  return row!.v;
}

describe.each(DB_KINDS)('working time in SQL on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb(kind);
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('the working hours between two instants are the SLA clock’s', async () => {
    await fc.assert(
      fc.asyncProperty(instant, instant, async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const hours = await inSql(
          db,
          (p, c) => `${c.hours(`${p.add(from)}::timestamptz`, `${p.add(to)}::timestamptz`)}`,
        );
        expect(Number(hours)).toBeCloseTo(workingTimeBetween(calendar, from, to) / 3_600_000, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('the end of the n-th working day after an instant is the SLA clock’s deadline', async () => {
    await fc.assert(
      fc.asyncProperty(instant, fc.integer({ min: 1, max: 30 }), async (from, n) => {
        const due = await inSql(
          db,
          (p, c) => `${c.endOfWorkingDayAfter(`${p.add(from)}::timestamptz`, `${p.add(n)}::int`)}`,
        );
        expect(new Date(due as string).toISOString()).toBe(addWorkingDays(calendar, from, n).toISOString());
      }),
      { numRuns: 60 },
    );
  });

  it('whole working days past a due day are the working days between it and today, both left out', async () => {
    await fc.assert(
      fc.asyncProperty(instant, fc.integer({ min: 0, max: 40 }), async (due, later) => {
        const now = new Date(due.getTime() + later * 86_400_000);
        const past = await inSql(db, (p, c) =>
          c.workingDaysPast(`${p.add(due)}::timestamptz`, `${p.add(now)}::timestamptz`),
        );
        let expected = 0;
        for (let d = addDays(beijingDate(due), 1); d < beijingDate(now); d = addDays(d, 1))
          if (calendar.isWorkingDay(d)) expected++;
        expect(past).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('an instant off the calendar counts as unknown, not as zero', async () => {
    const before = new Date('2025-06-01T10:00:00+08:00');
    const hours = await inSql(db, (p, c) => c.hours(`${p.add(before)}::timestamptz`, `now()`));
    expect(hours).toBeNull();
  });
});

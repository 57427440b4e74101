import { YearArrangement } from '../calendar/official-calendar.ts';
import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/** Official holiday arrangements loaded into the store (`onething calendar load`). */

export interface StoredArrangement {
  arrangement: YearArrangement;
  loadedAt: string;
}

export async function insertArrangements(q: Queryable, years: YearArrangement[], at: Date): Promise<void> {
  if (!years.length) return;
  await q.query(
    `insert into calendar_arrangements (year, source, arrangement, loaded_at)
     values ${valuesList(years.length, 4, ['integer', '', 'jsonb', 'timestamptz'])}`,
    years.flatMap((y) => [y.year, y.source, y, at.toISOString()]),
  );
}

/** The arrangement in force for each year loaded: the latest loaded, oldest year first. */
export async function listArrangements(q: Queryable): Promise<StoredArrangement[]> {
  const rows = await q.query<{ arrangement: unknown; loaded_at: Date }>(
    `select distinct on (year) arrangement, loaded_at from calendar_arrangements order by year, id desc`,
  );
  return rows.map((r) => ({
    arrangement: YearArrangement.parse(r.arrangement),
    loadedAt: new Date(r.loaded_at).toISOString(),
  }));
}

/** Changes whenever an arrangement is loaded: a server compares it to know when to count anew. */
export async function arrangementsVersion(q: Queryable): Promise<string> {
  const rows = await q.query<{ latest: string | null }>(
    'select max(id)::text as latest from calendar_arrangements',
  );
  return rows[0]?.latest ?? '';
}

// Every statement the engine sends, counted at the store's interface with the time it took: round trips
// per case are where the time goes, and the profile says which ones.
import type { Db, Queryable } from '../src/store/db.ts';

export type StatementProfile = Record<string, { count: number; ms: number }>;

export function countingDb(db: Db): { db: Db; statements: () => number; profile: () => StatementProfile } {
  let n = 0;
  const profile: StatementProfile = {};
  const counting = (q: Queryable): Queryable => ({
    personal: q.personal,
    async query(sql, params) {
      n++;
      const started = performance.now();
      try {
        return await q.query(sql, params);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 100);
        const entry = (profile[key] ??= { count: 0, ms: 0 });
        entry.count++;
        entry.ms += performance.now() - started;
      }
    },
  });
  return {
    db: { ...db, query: counting(db).query, transaction: (fn) => db.transaction((tx) => fn(counting(tx))) },
    statements: () => n,
    profile: () => profile,
  };
}

/** Several processes' profiles as one, the most frequent statements first. */
export function topStatements(profiles: StatementProfile[], cases: number, top = 15) {
  const all: StatementProfile = {};
  for (const p of profiles)
    for (const [sql, e] of Object.entries(p)) {
      const a = (all[sql] ??= { count: 0, ms: 0 });
      a.count += e.count;
      a.ms += e.ms;
    }
  return Object.entries(all)
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, top)
    .map(([sql, e]) => ({ perCase: Math.round((e.count / cases) * 100) / 100, ms: Math.round(e.ms), sql }));
}

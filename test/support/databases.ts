import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, openPostgres, wrapPglite, type Db } from '../../src/store/db.ts';

/**
 * Fresh, migrated databases for integration tests. PGlite: a clone of one migrated snapshot
 * (creating PGlite takes seconds; cloning, about one). PostgreSQL: a private schema per database
 * on the server named by TEST_DATABASE_URL, dropped on close.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;
/** CI sets REQUIRE_POSTGRES, so a missing server fails the run instead of skipping quietly. */
if (process.env.REQUIRE_POSTGRES && !POSTGRES_URL)
  throw new Error('REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not');

export type DbKind = 'pglite' | 'postgres';
export const DB_KINDS: DbKind[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

let snapshot: Promise<PGliteInterface> | null = null;

export async function freshDb(kind: DbKind): Promise<Db & { second?: () => Db }> {
  if (kind === 'pglite') {
    snapshot ??= (async () => {
      const base = await PGlite.create();
      await migrate(wrapPglite(base));
      return base;
    })();
    return wrapPglite(await (await snapshot).clone());
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openPostgres(POSTGRES_URL!, { schema });
  await migrate(db);
  return {
    ...db,
    /** Another pool on the same schema: a second server on the same database. */
    second: () => openPostgres(POSTGRES_URL!, { schema }),
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

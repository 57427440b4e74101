import { linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The store's one connection interface, over PGlite (embedded, the zero-setup default) or a real
 * PostgreSQL (DATABASE_URL). PGlite's file mode never calls fsync: it is for trying the product
 * and for tests, not a durable production store.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDb(options: { url?: string; dataDir?: string; schema?: string }): Promise<Db> {
  const db = options.url
    ? openPostgres(options.url, { schema: options.schema })
    : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}

/**
 * `schema` puts every table in that schema (tests give each run its own). JIT is off: compiling a
 * supervision query took PostgreSQL 4.6 s of a 2-core machine at 100k cases, more than running it.
 */
export function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    options: ['-c jit=off', ...(options.schema ? [`-c search_path=${options.schema}`] : [])].join(' '),
  });
  return {
    kind: 'postgres',
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        });
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** In memory when no directory is given. A directory is locked against a second process. */
export async function openPglite(dataDir?: string, fromSnapshot?: PGliteInterface): Promise<Db> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    release = lockDirectory(dataDir);
  }
  let lite: PGliteInterface;
  try {
    lite = fromSnapshot ? await fromSnapshot.clone() : await PGlite.create(dataDir ? { dataDir } : {});
  } catch (e) {
    release();
    throw e;
  }
  return wrapPglite(lite, release);
}

export function wrapPglite(
  lite: PGliteInterface,
  release: () => void = () => {},
): Db & { lite: PGliteInterface } {
  return {
    kind: 'pglite',
    lite,
    async query(sql, params) {
      return (await lite.query(sql, params as unknown[])).rows as never;
    },
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({ query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never }),
      ),
    async close() {
      await lite.close();
      release();
    },
  };
}

/**
 * PGlite has no lock between processes: two servers on one data directory would silently lose
 * writes. A lock file holding the owner's pid refuses the second; a stale one (dead pid) is taken over.
 */
function lockDirectory(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  // The pid is written to a temporary file which is then hard-linked into place: the link either
  // fails (someone holds the lock) or appears complete, so nobody ever reads an empty lock file.
  const tmp = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}`;
  writeFileSync(tmp, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = Number(readFileSync(lockPath, 'utf8'));
        if (owner && owner !== process.pid && isAlive(owner)) {
          throw new Error(
            `the embedded database ${dataDir} is in use by process ${owner}; stop it first, or set DATABASE_URL to share a PostgreSQL server`,
            { cause: e },
          );
        }
        rmSync(lockPath, { force: true });
      }
    }
    throw new Error(`could not lock ${dataDir}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Apply the SQL files in order, once each, under an advisory lock so two servers cannot race. */
export async function migrate(db: Db): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(20240705)');
    await tx.query(
      'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      for (const statement of splitSql(readFileSync(join(MIGRATIONS_DIR, file), 'utf8')))
        await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Statements end at `;`, except inside a `$$…$$` body (a trigger function's). */
function splitSql(sql: string): string[] {
  const statements = [''];
  sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split('$$')
    .forEach((part, i) => {
      if (i % 2) statements[statements.length - 1] += `$$${part}$$`;
      else {
        const [first = '', ...rest] = part.split(';');
        statements[statements.length - 1] += first;
        statements.push(...rest);
      }
    });
  return statements.map((s) => s.trim()).filter(Boolean);
}

import { linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import pg from 'pg';
import { DEV_PERSONAL_DATA, isPersonalField, type PersonalData } from './personal-data.ts';
import { sealPlainRows } from './personal-data-sweep.ts';
import { JsonParam } from './sql.ts';

/**
 * The store's one connection interface, over PGlite (embedded, the zero-setup default) or a real
 * PostgreSQL (DATABASE_URL). PGlite's file mode never calls fsync: it is for trying the product
 * and for tests, not a durable production store.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The deployment's personal-data keys: stores look people up by `personal.index(idNumber)`. */
  readonly personal: PersonalData;
}

type RawQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * The sealing boundary (personal-data.ts): JSON going in has its personal fields sealed, and what
 * comes out under a personal field's or column's name is opened, so no store can forget either.
 */
function sealing(raw: RawQuery, personal: PersonalData): Queryable['query'] {
  const param = (p: unknown): unknown => {
    if (p instanceof JsonParam) return personal.sealToJson(p.value, p.omit);
    if (Array.isArray(p)) return p.some((e) => e instanceof JsonParam) ? p.map(param) : p;
    if (p !== null && typeof p === 'object' && Object.getPrototypeOf(p) === Object.prototype)
      return personal.sealToJson(p);
    return p;
  };
  return async <T>(sql: string, params?: unknown[]) => {
    const rows = await raw(sql, params?.map(param));
    return rows.map((row) => {
      const r = row as Record<string, unknown>;
      // A row's documents are its own (just parsed): opened in place, not copied.
      for (const k in r) {
        const v = r[k];
        if (typeof v === 'string') {
          if (isPersonalField(k)) r[k] = personal.open(v);
        } else if (v !== null && typeof v === 'object') r[k] = personal.openParsed(v);
      }
      return r;
    }) as T[];
  };
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Call `rung` whenever a transaction (this process's or another's) commits rows into this store's
   * outbox (migration 0027's doorbell), until the returned function is called. On PostgreSQL a
   * connection of its own listens, and comes back by itself when lost.
   */
  onOutboxCommitted(rung: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openDb(options: {
  url?: string;
  dataDir?: string;
  schema?: string;
  /** The deployment's keys (personalDataFromEnv): required, so no caller seals with the development keys by omission. */
  personal: PersonalData;
}): Promise<Db> {
  const db = options.url
    ? openPostgres(options.url, { schema: options.schema, personal: options.personal })
    : await openPglite(options.dataDir, undefined, options.personal);
  await migrate(db);
  return db;
}

/**
 * `schema` puts every table in that schema (tests give each run its own). JIT is off: compiling a
 * supervision query took PostgreSQL 4.6 s of a 2-core machine at 100k cases, more than running it.
 */
export function openPostgres(
  url: string,
  options: { schema?: string; max?: number; personal?: PersonalData } = {},
): Db {
  const personal = options.personal ?? DEV_PERSONAL_DATA;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    options: ['-c jit=off', ...(options.schema ? [`-c search_path=${options.schema}`] : [])].join(' '),
  });
  return {
    kind: 'postgres',
    personal,
    query: sealing(async (sql, params) => (await pool.query(sql, params)).rows, personal),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          personal,
          query: sealing(async (sql, params) => (await client.query(sql, params)).rows, personal),
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
    onOutboxCommitted: (rung) => listenForOutbox(url, options.schema ?? 'public', rung),
    close: () => pool.end(),
  };
}

async function listenForOutbox(url: string, schema: string, rung: () => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    // An error is followed by the end of the connection, where it is taken up again.
    c.on('error', () => undefined);
    c.on('notification', (n) => n.channel === 'outbox' && n.payload === schema && rung());
    await c.connect();
    await c.query('listen outbox');
    client = c;
    c.once('end', again);
    // What was committed while no one listened is not lost: the caller's poll still finds it.
    if (!stopped) rung();
  };
  const again = () => {
    if (!stopped) setTimeout(() => connect().catch(again), 1000).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end();
  };
}

/** In memory when no directory is given. A directory is locked against a second process. */
export async function openPglite(
  dataDir?: string,
  fromSnapshot?: PGliteInterface,
  personal: PersonalData = DEV_PERSONAL_DATA,
): Promise<Db> {
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
  return wrapPglite(lite, release, personal);
}

export function wrapPglite(
  lite: PGliteInterface,
  release: () => void = () => {},
  personal: PersonalData = DEV_PERSONAL_DATA,
): Db & { lite: PGliteInterface } {
  return {
    kind: 'pglite',
    lite,
    personal,
    query: sealing(async (sql, params) => (await lite.query(sql, params)).rows, personal),
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({ personal, query: sealing(async (sql, params) => (await tx.query(sql, params)).rows, personal) }),
      ),
    // PGlite runs in this process and has one schema.
    onOutboxCommitted: (rung) => lite.listen('outbox', (schema) => schema === 'public' && rung()),
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

/** Data conversions that need the application's keys, run right after their migration's SQL. */
const AFTER_MIGRATION: Record<string, (tx: Queryable) => Promise<unknown>> = {
  '0025_personal_data_at_rest.sql': sealPlainRows,
};

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
      await AFTER_MIGRATION[file]?.(tx);
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

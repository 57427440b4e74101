import { birthDateOf, makeCitizenId } from '../domain/citizen-id.ts';
import { seededRandom, type Random } from '../domain/random.ts';
import type { Db, Queryable } from './db.ts';
import type { CaseState } from '../domain/case.ts';
import { caseLookups } from './case-store.ts';
import { json } from './sql.ts';

/**
 * FOR BENCHMARKS ONLY (bench/queue.ts and its smoke test); nothing in the product calls this file.
 *
 * The queues must be measured on a store of 100k+ cases, and the engine makes about ten cases a
 * second. So a few dozen real cases are run through the engine (the simulation) while a recorder
 * keeps every state each case passes through, and the store is then filled with copies: each copy
 * is one recorded state of one real case, moved in time so that "now" falls where that state held,
 * with a case number, parents' ID numbers, county and hospital of its own. Every row is therefore a
 * row the engine wrote, and the projections the queues read (case_items' place, status, holder,
 * deadline, overdue; the cases columns and state) agree with each other as they did in the engine.
 *
 * What is not copied: the event log (case_events), notifications and the parcels' outbox rows. A
 * seeded store is for reading queues and opening tasks; `onething verify` would report the copies.
 */

/** One state of one real case, and the times it held (the engine's clock). */
export interface SeedTemplate {
  caseId: string;
  version: number;
  submittedAt: number;
  /** When this version was written. */
  validFrom: number;
  /** When the next version was written, or a deadline passed that the sweeper would flag (Infinity: final). */
  validTo: number;
  caseJson: string;
  /** JSON arrays' contents (no brackets), ready to join. */
  itemsJson: string;
  dispatchesJson: string;
  motherIdNumber: string;
  fatherIdNumber: string | null;
  /** The county the case's places were drawn in, and the birth hospital. */
  county: string | null;
  institution: string | null;
  babyIdNumber: string | null;
}

interface RecordedVersion {
  id: string;
  version: number;
  updated_at: Date;
  case_json: string;
  items_json: string;
  dispatches_json: string;
}

/**
 * Keeps every version of every case it sees. Call `record()` as often as the engine moves (the
 * simulation's onProgress, which does not wait for it); `templates()` waits for the last one.
 */
export class TemplateRecorder {
  private readonly versions = new Map<string, RecordedVersion>();
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private readonly q: Queryable) {}

  record(): void {
    this.pending = this.pending
      .then(() => this.snapshot())
      .catch((e: unknown) => {
        this.failure ??= e;
      });
  }

  async templates(): Promise<SeedTemplate[]> {
    this.record();
    await this.pending;
    if (this.failure) throw this.failure;
    return templatesOf([...this.versions.values()]);
  }

  private async snapshot(): Promise<void> {
    const current = await this.q.query<{ id: string; version: number }>('select id, version from cases');
    const changed = current.filter((c) => !this.versions.has(`${c.id}:${c.version}`)).map((c) => c.id);
    if (!changed.length) return;
    // One statement, so a case, its items and its dispatches are read at the same instant.
    const rows = await this.q.query<RecordedVersion>(
      `select c.id, c.version, c.updated_at, to_jsonb(c)::text as case_json,
         coalesce((select jsonb_agg(to_jsonb(i)) from case_items i where i.case_id = c.id), '[]')::text as items_json,
         coalesce((select jsonb_agg(to_jsonb(o) - 'id' order by o.id) from outbox o
                   where o.kind = 'dispatch' and o.case_id = c.id), '[]')::text as dispatches_json
       from cases c where c.id = any($1::text[])`,
      [changed],
    );
    // Kept opened (personal-data.ts): the copies get parents of their own by replacing the numbers.
    const open = (text: string) => JSON.stringify(this.q.personal.openParsed(JSON.parse(text)));
    for (const r of rows)
      this.versions.set(`${r.id}:${r.version}`, {
        ...r,
        case_json: open(r.case_json),
        items_json: open(r.items_json),
        dispatches_json: open(r.dispatches_json),
      });
  }
}

type ItemRow = {
  item: string;
  clock_running: boolean;
  overdue: boolean;
  deadline: string | null;
  state: { outputs?: Record<string, string> | null };
};
type CaseRow = {
  status: string;
  overdue: boolean;
  submitted_at: string;
  promised_deadline: string | null;
  family_due: string | null;
  form: {
    baby?: { birthPlace?: { divisionCode?: string; institutionName?: string } };
    registering?: { hukouDivisionCode?: string | null };
  };
  state: {
    motherIdNumber: string;
    fatherIdNumber?: string | null;
  };
};

function templatesOf(recorded: RecordedVersion[]): SeedTemplate[] {
  const byCase = new Map<string, RecordedVersion[]>();
  for (const r of recorded) byCase.set(r.id, [...(byCase.get(r.id) ?? []), r]);
  const out: SeedTemplate[] = [];
  for (const versions of byCase.values()) {
    versions.sort((a, b) => a.version - b.version);
    versions.forEach((r, i) => {
      const c = JSON.parse(r.case_json) as CaseRow;
      const items = JSON.parse(r.items_json) as ItemRow[];
      // The state holds until the next version, or until the sweeper would have flagged a deadline
      // (the same conditions as casesDueForOverdue): a copy never shows a lapse the engine would mark.
      const lapses = [
        ...items.filter((it) => it.clock_running && !it.overdue && it.deadline).map((it) => it.deadline!),
        ...(c.status === 'in-progress' && !c.overdue && c.promised_deadline ? [c.promised_deadline] : []),
        ...(c.family_due ? [c.family_due] : []),
      ].map((t) => Date.parse(t));
      const next = versions[i + 1];
      const form = c.form;
      out.push({
        caseId: r.id,
        version: r.version,
        submittedAt: Date.parse(c.submitted_at),
        validFrom: new Date(r.updated_at).getTime(),
        validTo: Math.min(next ? new Date(next.updated_at).getTime() : Infinity, ...lapses),
        caseJson: r.case_json,
        itemsJson: r.items_json.slice(1, -1),
        dispatchesJson: r.dispatches_json.slice(1, -1),
        motherIdNumber: c.state.motherIdNumber,
        fatherIdNumber: c.state.fatherIdNumber ?? null,
        county: form.registering?.hukouDivisionCode ?? form.baby?.birthPlace?.divisionCode ?? null,
        institution: form.baby?.birthPlace?.institutionName ?? null,
        babyIdNumber:
          items.find((it) => it.item === 'hukou-registration')?.state.outputs?.citizenIdNumber ?? null,
      });
    });
  }
  return out;
}

export interface SeedOptions {
  templates: SeedTemplate[];
  cases: number;
  /** The instant the seeded store represents: every copy shows its case as it stood then. */
  now: Date;
  seed: string;
  /** Case numbers are `${prefix}-0000001`…; distinct from the engine's own. */
  prefix: string;
  /** The region's counties and hospitals; the first ones get the most births (a busy county, a busy hospital). */
  counties: string[];
  institutions: string[];
  /** Two years of history; a share of cases in the last month, so open work is in flight. */
  historyDays?: number;
  recentShare?: number;
  batch?: number;
  onProgress?: (done: number) => void;
}

const DAY = 86_400_000;

/** Fill the store with `cases` copies of the templates; returns the rows written. */
export async function seedBenchCases(db: Db, o: SeedOptions) {
  const random = seededRandom(o.seed);
  const byCase = new Map<string, SeedTemplate[]>();
  for (const t of o.templates) byCase.set(t.caseId, [...(byCase.get(t.caseId) ?? []), t]);
  const cases = [...byCase.values()].map((v) => v.sort((a, b) => a.validFrom - b.validFrom));
  if (!cases.some((v) => v.at(-1)!.validTo === Infinity)) throw new Error('no template case has finished');
  const patterns = new Map(o.templates.map((t) => [t, replacer(t)]));
  const used = new Set(o.templates.flatMap((t) => [t.motherIdNumber, t.fatherIdNumber]));
  const countyPick = zipf(o.counties, random);
  const institutionPick = zipf(o.institutions, random);
  const historyDays = o.historyDays ?? 730;
  const recentShare = o.recentShare ?? 0.15;
  const batch = o.batch ?? 500;
  let items = 0;
  let dispatches = 0;
  for (let start = 0; start < o.cases; start += batch) {
    const caseRows: string[] = [];
    const itemRows: string[] = [];
    const dispatchRows: unknown[] = [];
    for (let n = start; n < Math.min(o.cases, start + batch); n++) {
      const { template, at } = pickState(cases, random, historyDays, recentShare);
      const shift = o.now.getTime() - at;
      const county = countyPick();
      const values = new Map<string, string>([
        [template.caseId, `${o.prefix}-${String(n + 1).padStart(7, '0')}`],
      ]);
      values.set(template.motherIdNumber, newId(county, 'female', random, used));
      if (template.fatherIdNumber) values.set(template.fatherIdNumber, newId(county, 'male', random, used));
      if (template.babyIdNumber) {
        const born = new Date(Date.parse(`${birthDateOf(template.babyIdNumber)}T12:00:00+08:00`) + shift);
        values.set(
          template.babyIdNumber,
          // Same sex as the template's baby: the sequence's parity.
          makeCitizenId(
            county,
            born.toISOString().slice(0, 10),
            random.int(0, 499) * 2 + (Number(template.babyIdNumber[16]) % 2),
          ),
        );
      }
      if (template.county) values.set(`"${template.county}"`, `"${county}"`);
      if (template.institution) values.set(`"${template.institution}"`, `"${institutionPick()}"`);
      const rewrite = (json: string) =>
        json.replace(patterns.get(template)!, (m) => shifted(m, shift) ?? values.get(m)!);
      // The copy's look-up columns, as the engine computes them: blind indexes of its new numbers.
      const { state, form, ...columns } = JSON.parse(rewrite(template.caseJson)) as {
        state: CaseState;
        form: CaseState['form'];
      };
      // Sealed by hand: json() would seal the look-up columns too (their names are personal ones), where
      // the engine stores the blind index itself.
      const lookups = JSON.stringify({ ...columns, ...caseLookups(db.personal, state) });
      const documents = `"state":${db.personal.sealToJson(state)},"form":${db.personal.sealToJson(form)}`;
      caseRows.push(`${lookups.slice(0, -1)},${documents}}`);
      if (template.itemsJson) itemRows.push(rewrite(template.itemsJson));
      if (template.dispatchesJson)
        dispatchRows.push(...(JSON.parse(`[${rewrite(template.dispatchesJson)}]`) as unknown[]));
    }
    await db.transaction(async (tx) => {
      // The cases' rows come sealed (above); json() seals the items' states and the tasks on the way in.
      await tx.query(`insert into cases select * from jsonb_populate_recordset(null::cases, $1::jsonb)`, [
        `[${caseRows.join(',')}]`,
      ]);
      const i = await tx.query<{ n: number }>(
        `with x as (insert into case_items select * from jsonb_populate_recordset(null::case_items, $1::jsonb)
         returning 1) select count(*)::int as n from x`,
        [json(JSON.parse(`[${itemRows.join(',')}]`))],
      );
      items += i[0]!.n;
      if (dispatchRows.length) {
        const d = await tx.query<{ n: number }>(
          `with x as (insert into outbox overriding user value
             select * from jsonb_populate_recordset(null::outbox, $1::jsonb) returning id, status, available_at),
           due as (insert into outbox_queue (id, available_at)
             select id, available_at from x where status = 'pending')
           select count(*)::int as n from x`,
          [json(dispatchRows)],
        );
        dispatches += d[0]!.n;
      }
    });
    o.onProgress?.(Math.min(o.cases, start + batch));
  }
  return { cases: o.cases, items, dispatches };
}

/** A template state and the instant (on the engine's clock) a copy shows it at. */
function pickState(cases: SeedTemplate[][], random: Random, historyDays: number, recentShare: number) {
  for (;;) {
    const age = random.next() * (random.chance(recentShare) ? 30 : historyDays) * DAY;
    const versions = random.pick(cases);
    const at = versions[0]!.submittedAt + age;
    const template = versions.find((v) => v.validFrom <= at && at < v.validTo);
    // A moment no recorded state covers (between two rounds of the simulation): draw again.
    if (template) return { template, at };
  }
}

const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})`;

function replacer(t: SeedTemplate): RegExp {
  const keys = [t.caseId, t.motherIdNumber, t.fatherIdNumber, t.babyIdNumber]
    .filter((k): k is string => !!k)
    .concat(t.county ? [`"${t.county}"`] : [], t.institution ? [`"${t.institution}"`] : []);
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp([TIMESTAMP, ...escaped].join('|'), 'g');
}

/** A timestamp moved by `shift`, in the form it was written (the baby key keeps minutes only). */
function shifted(m: string, shift: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(m)) return null;
  const iso = new Date(Date.parse(m) + shift).toISOString();
  return /T\d{2}:\d{2}(Z|[+-])/.test(m) ? `${iso.slice(0, 16)}Z` : iso;
}

/** An unused ID number of the county: a parent born 1980–2004, the sequence's parity their sex. */
function newId(county: string, sex: 'female' | 'male', random: Random, used: Set<string | null>): string {
  for (;;) {
    const birth = new Date(Date.UTC(1980, 0, 1) + random.int(0, 25 * 365) * DAY).toISOString().slice(0, 10);
    const id = makeCitizenId(county, birth, random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0));
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Draw from `values`, the i-th with weight 1/(i+1): a few busy places and a tail of quiet ones. */
function zipf<T>(values: T[], random: Random): () => T {
  const weights = values.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let x = random.next() * total;
    for (let i = 0; i < values.length; i++) if ((x -= weights[i]!) < 0) return values[i]!;
    return values.at(-1)!;
  };
}

/** Fresh planner statistics after a bulk load (PGlite has no autovacuum). */
export async function analyzeQueueTables(q: Queryable): Promise<void> {
  await q.query('analyze cases');
  await q.query('analyze case_items');
  await q.query('analyze outbox');
}

/** The places with the most items of a department: the busy county (or hospital) to measure. */
export async function busiestPlaces(q: Queryable, region: string, department: string) {
  return q.query<{ county: string; institution: string | null; items: number }>(
    `select place_county as county, place_institution as institution, count(*)::int as items
     from case_items where region = $1 and department = $2 and place_county is not null
     group by place_county, place_institution order by items desc`,
    [region, department],
  );
}

/** How the seeded queues of a department are filled, by status and holder (for the report). */
export async function queueVolumes(q: Queryable, region: string) {
  return q.query<{ department: string; status: string; holder: string | null; overdue: boolean; n: number }>(
    `select department, status, holder, overdue, count(*)::int as n from case_items where region = $1
     group by department, status, holder, overdue order by department, status, holder, overdue`,
    [region],
  );
}

/** The plan PostgreSQL chose for a statement, with timings and buffers, run with the same parameters. */
export async function explainAnalyze(q: Queryable, sql: string, params: unknown[] = []): Promise<string> {
  const rows = await q.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

export async function tableSizes(q: Queryable) {
  return q.query<{ name: string; rows: number; mib: number }>(
    `select c.relname as name, c.reltuples::bigint::int as rows,
       round(pg_total_relation_size(c.oid) / 1048576.0)::int as mib
     from pg_class c where c.relname in ('cases', 'case_items', 'outbox') and c.relnamespace = to_regnamespace(current_schema())
     order by c.relname`,
  );
}

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { officialCalendar } from './calendar/official-calendar.ts';
import { AppError, fieldError } from './domain/error.ts';
import { RegionId } from './domain/ids.ts';
import { DEPARTMENT_LABELS } from './domain/labels.ts';
import { getPolicy, POLICIES } from './policies/index.ts';
import { evaluate, type Evaluation } from './policy/evaluate.ts';
import { parseFacts } from './policy/facts.ts';
import { factsJsonSchema } from './policy/facts-json-schema.ts';
import { serviceGuide } from './policy/guide.ts';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from './policy/sample-facts.ts';
import { runSimulation, type SimulationSummary } from './engine/simulation.ts';
import { verifyStore } from './engine/verify.ts';
import { openDb } from './store/db.ts';
import { startServer } from './server.ts';
import { statutoryHolidays } from './calendar/statutory-holidays.ts';
import { formatInstant } from './domain/local-date.ts';
import {
  calendarStatus,
  loadArrangements,
  type CalendarStatus,
  type LoadReport,
} from './engine/operator/calendar.ts';
import { systemClock } from './system-clock.ts';
import { sampleSituation } from './registries/population.ts';
import { loadStaff } from './engine/operator/staff.ts';

/** The parents' app as Vite builds it (`npm run build:web`, run by `npm start`). */
const WEB_ROOT = fileURLToPath(new URL('../web/citizen/dist', import.meta.url));

/** The embedded store's directory. PGlite's file mode does not fsync: for trying and testing only. */
const DATA_DIR = './data/pglite';
/** Under `npm start` a person plays these departments on the workbench; the simulator answers the rest. */
const DEMO_DEPARTMENT_MODES = 'midwifery-institution=workbench,police=workbench,hrss=workbench';

const USAGE = `onething — 新生儿出生“一件事” / the newborn birth one-thing service

Usage:
  onething start [--port 3000] [--host 127.0.0.1] the server with the embedded database, simulators and
                                                  demo data (DATABASE_URL selects a real PostgreSQL)
  onething demo                                   each region's sample family, evaluated and explained
  onething regions                                the regions this build ships
  onething guide R | --region R                   the service guide (办事指南) as Markdown, from the rules
  onething evaluate --region R --input FILE|-     evaluate facts (JSON) and print the result as JSON
                    [--at 2026-11-20T10:00:00+08:00]   submission instant (default: now)
  onething schema facts [--region R]              the facts format as JSON Schema
  onething example --region R                     a sample facts file for the region
  onething simulate --region R --cases N [--json] [--seed S] [--start ISO] [--data DIR]
                    [--rejection-rate 0.02] [--supplement-rate 0.05] [--fault-rate 0.03] [--latency-hours 0.3-40]
                                                  run N synthetic families through every department
                                                  (in memory, on DATABASE_URL or in --data DIR), then
                                                  verify; stopped, it resumes when run again
  onething family sample --region R               a family situation as the shared data holds it
  onething family load --file F|- [--url URL]     load one into a running server's simulated registries
                                                  (development only; default URL http://127.0.0.1:3000)
  onething verify                                 check hash chains, projections and the outbox
                                                  (DATABASE_URL, or the embedded store in ./data)
  onething staff load --file F|-                  load the deployment's organisations and staff accounts
                                                  (JSON: organisations[], staff[]; loading again updates)
                                                  (DATABASE_URL, or the embedded store in ./data)
  onething calendar [status] [--json]             which years count on the State Council's official
                                                  arrangement, which provisionally, which not at all
  onething calendar load FILE.json [--json]       store a year's official arrangement (国办发明电) and
                                                  count the open cases' deadlines again with it
                                                  (DATABASE_URL, or the embedded store; --data DIR)

Regions: ${RegionId.options.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      input: { type: 'string' },
      at: { type: 'string' },
      cases: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      json: { type: 'boolean' },
      'rejection-rate': { type: 'string' },
      'supplement-rate': { type: 'string' },
      'fault-rate': { type: 'string' },
      'latency-hours': { type: 'string' },
      port: { type: 'string' },
      file: { type: 'string' },
      url: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const region = () => getPolicy(required(values.region, 'region'));

  switch (values.help ? 'help' : command) {
    case 'regions':
      for (const p of Object.values(POLICIES)) out(`${p.region.padEnd(18)} ${p.name.zh} — ${p.name.en}`);
      return 0;
    case 'guide':
      out(serviceGuide(getPolicy(required(values.region ?? sub, 'region'))));
      return 0;
    case 'example':
      out(JSON.stringify(sampleFacts(region().region), null, 2));
      return 0;
    case 'schema':
      if (sub !== 'facts') throw usageError('schema', 'only `schema facts` exists');
      out(JSON.stringify(factsJsonSchema(values.region ? region() : undefined), null, 2));
      return 0;
    case 'evaluate': {
      const policy = region();
      const input = required(values.input, 'input');
      const text = readFileSync(input === '-' ? 0 : input, 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw fieldError('INVALID_INPUT', 'input', {
          zh: `不是有效的 JSON（${(e as Error).message}）`,
          en: `not valid JSON (${(e as Error).message})`,
        });
      }
      const result = evaluate({
        policy,
        facts: parseFacts(json),
        at: instant(values.at),
        calendar: officialCalendar(),
      });
      out(JSON.stringify(result, null, 2));
      return 0;
    }
    case 'demo': {
      const calendar = officialCalendar();
      for (const policy of Object.values(POLICIES)) {
        const result = evaluate({
          policy,
          facts: parseFacts(sampleFacts(policy.region)),
          at: new Date(SAMPLE_SUBMITTED_AT),
          calendar,
        });
        out(describe(policy.name.zh, policy.name.en, result));
      }
      out(
        `\nSubmitted at ${SAMPLE_SUBMITTED_AT}. Full guide: npm run onething -- guide --region fujian · JSON: npm run onething -- evaluate --region anhui --input FILE (see README)`,
      );
      return 0;
    }
    case 'start': {
      const port = Number(values.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw usageError('port', '--port must be a port number');
      const server = await startServer({
        host: values.host ?? '127.0.0.1',
        port,
        databaseUrl: process.env.DATABASE_URL,
        dataDir: './data',
        simulatorSeconds: { min: 5, max: 60 },
        webRoot: WEB_ROOT,
        // A person plays the hospital, the police and HRSS on the workbench; the rest answer by simulator.
        // DEPARTMENT_MODES changes that (police=gateway: the police's own system; fujian:hrss=simulator).
        departmentModes: process.env.DEPARTMENT_MODES ?? DEMO_DEPARTMENT_MODES,
      });
      out(
        [
          `新生儿出生“一件事” is running · store: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite in ./data (no fsync: for trying and testing, not production)'}`,
          `  parents' app:  ${server.address}/   (a phone-sized window works best; pick a demo parent to log in)`,
          `  API and docs:  ${server.address}/docs`,
          `  health:        ${server.address}/healthz · metrics: ${server.address}/metrics`,
          `  department workbench: ${server.address}/staff/   (pick a demo clerk; ${process.env.DEPARTMENT_MODES ? `DEPARTMENT_MODES=${process.env.DEPARTMENT_MODES}` : 'the hospitals, police and HRSS decide there'})`,
          `  the other departments are simulated and answer within 5–60 s; SMS go to ./data/sms.log`,
          `  demo logins for the API (send as the Authorization header; clerks are the sample family's):`,
          ...server.demoLogins.map((d) => `    ${d.region.padEnd(18)} ${d.name}  ${d.login}`),
          `  supervisor login: Bearer dev-supervisor:zibo,gansu-lanzhou,sichuan-tongchuan,fujian,anhui`,
          `  department gateway keys (HMAC): dev-key-<department>, e.g. dev-key-police`,
          `  stop with Ctrl+C`,
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => void server.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    case 'simulate': {
      const policy = region();
      const cases = Number(required(values.cases, 'cases'));
      if (!Number.isInteger(cases) || cases < 1 || cases > 1_000_000)
        throw usageError('cases', '--cases must be a whole number from 1 to 1000000');
      // In memory unless a store is named: DATABASE_URL, or --data DIR for the embedded store on disk,
      // where a killed run resumes when started again with the same options.
      const db = await openDb({ url: process.env.DATABASE_URL, dataDir: values.data });
      try {
        const started = Date.now();
        const summary = await runSimulation({
          region: policy.region,
          cases,
          seed: values.seed ?? '1',
          db,
          start: values.start ? instant(values.start) : new Date('2026-03-02T09:00:00+08:00'),
          departments: simulatorOptions(values),
          onProgress: progressBar(process.stderr),
        });
        out(
          values.json ? JSON.stringify(summary, null, 2) : describeSimulation(summary, Date.now() - started),
        );
        return summary.verify.ok ? 0 : 1;
      } finally {
        await db.close();
      }
    }
    case 'family': {
      if (sub === 'sample') {
        out(JSON.stringify(sampleSituation(region().region), null, 2));
        return 0;
      }
      if (sub !== 'load') throw usageError('family', 'use `family sample` or `family load`');
      const file = required(values.file, 'file');
      const body = readFileSync(file === '-' ? 0 : file, 'utf8');
      const base = (values.url ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
      const res = await fetch(`${base}/api/dev/families`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      (res.ok ? process.stdout : process.stderr).write(`${text}\n`);
      return res.ok ? 0 : 2;
    }
    case 'verify': {
      const db = await openDb({
        url: process.env.DATABASE_URL,
        dataDir: process.env.DATABASE_URL ? undefined : DATA_DIR,
      });
      try {
        const report = await verifyStore(db, { now: new Date() });
        out(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      } finally {
        await db.close();
      }
    }
    case 'staff': {
      if (sub !== 'load') throw usageError('staff', 'use `staff load --file F`');
      const input = readJson(required(values.file ?? positionals[2], 'file'), 'file');
      const db = await openDb({
        url: process.env.DATABASE_URL,
        dataDir: process.env.DATABASE_URL ? undefined : DATA_DIR,
      });
      try {
        const n = await loadStaff(db, input);
        out(`loaded 已载入: ${n.organisations} organisations 单位, ${n.staff} staff accounts 工作人员`);
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'calendar': {
      if (sub !== undefined && sub !== 'status' && sub !== 'load')
        throw usageError('calendar', 'use `calendar status` or `calendar load FILE.json`');
      const file = sub === 'load' ? required(values.file ?? positionals[2], 'file') : null;
      const db = await openDb({
        url: process.env.DATABASE_URL,
        dataDir: process.env.DATABASE_URL ? undefined : (values.data ?? DATA_DIR),
      });
      try {
        if (file === null) {
          const status = await calendarStatus(db);
          out(values.json ? JSON.stringify(status, null, 2) : describeCalendar(status));
          return 0;
        }
        const report = await loadArrangements({ db, clock: systemClock }, readJson(file, 'file'));
        out(values.json ? JSON.stringify(report, null, 2) : describeLoad(report));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'help':
    case undefined:
      out(USAGE);
      return 0;
    default:
      throw usageError('command', `unknown command ${command}`);
  }
}

function describe(zh: string, en: string, r: Evaluation): string {
  const lines = [
    `\n== ${zh} / ${en} ==`,
    `eligible 可受理: ${r.eligible ? 'yes 是' : 'no 否'} · scenario 情形: ${r.scenario.name?.zh ?? r.scenario.id}`,
  ];
  for (const f of r.findings.filter((x) => x.outcome === 'failed')) {
    lines.push(`  ✗ ${f.reason?.zh} — ${f.remedy?.text.zh} 〔${f.citation.clause}〕`);
  }
  for (const p of r.plan) {
    const due =
      p.deadline.status === 'scheduled'
        ? `${p.deadline.local}${p.deadline.basis === 'case-promise' ? ' (case promise)' : ''}${p.deadline.provisional ? ' 暂定 provisional' : ''}`
        : p.deadline.status === 'not-set'
          ? '时限未规定 no limit set'
          : `calendar ${p.deadline.year} not covered`;
    lines.push(`  ${'  '.repeat(p.stage)}→ ${p.name.zh} [${DEPARTMENT_LABELS[p.department].zh}] due ${due}`);
  }
  if (r.deadlines.promised?.status === 'scheduled')
    lines.push(`  case promised by 承诺办结: ${r.deadlines.promised.local}`);
  if (r.deadlines.legal)
    lines.push(
      `  legal limit 法定时限: ${r.deadlines.legal.status === 'scheduled' ? r.deadlines.legal.local : r.deadlines.legal.reason.en}`,
    );
  lines.push(
    `  materials 材料: ${r.materials.map((m) => `${m.name.zh}${m.source === 'shared-data' ? '(共享免交)' : m.source === 'upload-later' ? '(办理到该事项时上传)' : '(上传)'}`).join('，') || '—'}`,
  );
  const ins = r.insurance;
  lines.push(
    `  insurance 医保: ${ins.stated ? ins.coverage.map((c) => `${c.year}: ${c.start}→${c.end}`).join('; ') + (ins.premiumShare !== null ? ` · premium share ${ins.premiumShare}` : '') : ins.note.zh}`,
  );
  return lines.join('\n');
}

/** `--rejection-rate 0.1 --supplement-rate 0.2 --fault-rate 0.05 --latency-hours 0.5-30` */
function simulatorOptions(values: Record<string, string | boolean | undefined>) {
  const rate = (name: string) => {
    const v = values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw usageError(name, `--${name} must be a number from 0 to 1`);
    return n;
  };
  const opts: {
    rejectionRate?: number;
    supplementRate?: number;
    transientFaultRate?: number;
    latencyMs?: { min: number; max: number };
  } = {};
  const r = rate('rejection-rate'),
    s = rate('supplement-rate'),
    f = rate('fault-rate');
  if (r !== undefined) opts.rejectionRate = r;
  if (s !== undefined) opts.supplementRate = s;
  if (f !== undefined) opts.transientFaultRate = f;
  if (typeof values['latency-hours'] === 'string') {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(values['latency-hours']);
    if (!m || Number(m[1]) > Number(m[2]))
      throw usageError('latency-hours', '--latency-hours is MIN-MAX, e.g. 0.5-30');
    opts.latencyMs = { min: Number(m[1]) * 3600_000, max: Number(m[2]) * 3600_000 };
  }
  return opts;
}

/** A bar on a terminal; elsewhere (a log, a pipe) a plain line at each tenth. */
function progressBar(stream: NodeJS.WriteStream) {
  let last = -1;
  return (settled: number, total: number) => {
    const pct = Math.floor((settled / total) * 100);
    if (pct === last) return;
    last = pct;
    if (!stream.isTTY) {
      if (pct % 10 === 0) stream.write(`progress ${pct}% ${settled}/${total} cases settled\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${settled}/${total} cases settled${pct === 100 ? '\n' : ''}`,
    );
  };
}

function describeSimulation(s: SimulationSummary, ms: number): string {
  const lines = [
    `${POLICIES[s.region].name.zh} / ${POLICIES[s.region].name.en}: ${s.submitted} families in ${s.simulatedDays} simulated days (${(ms / 1000).toFixed(1)} s)`,
    `  accepted 受理 ${s.accepted} · refused 不予受理 ${s.refused} ${JSON.stringify(s.refusedBy)}`,
    `  cases completed 全部办结 ${s.casesCompleted} · partly 部分办结 ${s.casesPartly}`,
    `  items done ${s.items.done} · rejected ${s.items.rejected} · cancelled ${s.items.cancelled} · supplemented 补件 ${s.supplemented}`,
    `  SLA compliance 按时办结率 ${s.slaCompliance.share === null ? 'no time limits set' : `${(s.slaCompliance.share * 100).toFixed(1)}% (${s.slaCompliance.onTime}/${s.slaCompliance.withDeadline})`} · overdue items ${s.overdueItems}`,
    `  median hours per item 各事项办理时长中位数: ${Object.entries(s.medianHoursByItem)
      .map(([k, v]) => `${k} ${v}h`)
      .join(', ')}`,
    `  EMS parcels 邮件: ${s.parcels}`,
    `  department calls (tasks/calls/faults): ${Object.entries(s.departmentCalls)
      .map(([k, v]) => `${k} ${v.tasks}/${v.calls}/${v.faults}`)
      .join(', ')}`,
    ...(s.resumed ? ['  resumed 续跑: this run took up where a stopped one left off'] : []),
    `  verify: ${s.verify.ok ? `ok (${s.verify.cases} cases, ${s.verify.events} events, outbox settled)` : s.verify.problems.slice(0, 5).join('; ')}`,
  ];
  return lines.join('\n');
}

const PROVISIONAL_NOTE =
  'weekends and the statutory holidays of 国务院令第795号 only, no adjusted working days; deadlines counted on them are marked provisional (暂定)';

function describeCalendar(s: CalendarStatus): string {
  const runs: { from: number; to: number; source: string }[] = [];
  for (const o of s.official) {
    const last = runs[runs.length - 1];
    if (last && last.source === o.source && last.to === o.year - 1) last.to = o.year;
    else runs.push({ from: o.year, to: o.year, source: o.source });
  }
  const loaded = new Map(s.loaded.map((l) => [l.year, l.loadedAt]));
  const lines = ['节假日安排 / Holiday arrangements'];
  for (const r of runs) {
    const years = r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`;
    const at = loaded.get(r.to);
    lines.push(
      `  official 正式       ${years.padEnd(10)} ${r.source}${at ? ` (loaded ${formatInstant(at)})` : ''}`,
    );
  }
  for (const year of s.provisional) {
    const days = statutoryHolidays(year)
      .map((h) => `${h.zh} ${h.dates.map((d) => d.slice(5)).join(',')}`)
      .join(' · ');
    lines.push(`  provisional 暂定    ${String(year).padEnd(10)} ${days}`);
  }
  if (s.provisional.length) lines.push(`                      ${PROVISIONAL_NOTE}`);
  lines.push(
    `  not covered 未覆盖  before ${s.covered.from} and after ${s.covered.to} (CALENDAR_NOT_COVERED)`,
    `  load a year's notice with: onething calendar load FILE.json (format: src/calendar/arrangements.json, README)`,
  );
  return lines.join('\n');
}

function describeLoad(r: LoadReport): string {
  const lines = [
    ...r.years.map((y) => `loaded 已载入 ${y.year}: ${y.source}`),
    ...r.warnings.map((w) => `  warning 注意: ${w}`),
    `recounted 重新计算: ${r.deadlinesChanged} deadlines in ${r.casesRecounted} open cases changed; each change is in the case's history and the family was told`,
  ];
  if (r.notRecounted.length) {
    lines.push(
      `not recounted 未重算: ${r.notRecounted.length} stored deadlines no calendar gives back from their inputs (a policy changed since?); they are left as they were — check them by hand:`,
      ...r.notRecounted
        .slice(0, 50)
        .map((n) => `  ${n.caseId} ${n.item ?? '(case promise)'} ${n.field} ${n.stored ?? '—'}`),
    );
  }
  return lines.join('\n');
}

/** A JSON file (or - for standard input), its errors naming the option by label. */
function readJson(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw fieldError('INVALID_INPUT', field, {
      zh: `无法读取 ${path}（${(e as Error).message}）`,
      en: `cannot read ${path} (${(e as Error).message})`,
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fieldError('INVALID_INPUT', field, {
      zh: `不是有效的 JSON（${(e as Error).message}）`,
      en: `not valid JSON (${(e as Error).message})`,
    });
  }
}

function required(value: string | undefined, field: string): string {
  if (value === undefined || value === '') throw usageError(field, `--${field} is required`);
  return value;
}

function instant(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (!/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(d.getTime())) {
    throw fieldError('INVALID_INPUT', 'at', {
      zh: `应为带时区的 ISO 8601 时刻，如 2026-11-20T10:00:00+08:00`,
      en: `must be an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00+08:00`,
    });
  }
  return d;
}

function usageError(field: string, en: string): AppError {
  return fieldError('INVALID_INPUT', field, {
    zh: '用法有误，请运行 onething --help 查看用法',
    en: `${en}; see onething --help`,
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof AppError) {
    process.stderr.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
    process.exitCode = e.code === 'INVALID_INPUT' || e.code === 'UNKNOWN_REGION' ? 2 : 1;
  } else if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}

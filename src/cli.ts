import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { officialCalendar } from './calendar/official-calendar.ts';
import { AppError, fieldError } from './domain/error.ts';
import { RegionId } from './domain/ids.ts';
import { getPolicy, POLICIES } from './policies/index.ts';
import { evaluate } from './policy/evaluate.ts';
import { parseFacts } from './policy/facts.ts';
import { factsJsonSchema } from './policy/facts-json-schema.ts';
import { serviceGuide } from './policy/guide/index.ts';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from './policy/sample-facts.ts';
import { runSimulation } from './engine/simulation.ts';
import { verifyStore } from './engine/verify.ts';
import { openDb } from './store/db.ts';
import { startServer } from './server.ts';
import { calendarStatus, loadArrangements } from './engine/operator/calendar.ts';
import { systemClock } from './system-clock.ts';
import { sampleSituation } from './registries/population.ts';
import { loadStaff } from './engine/operator/staff.ts';
import { readJson, required, simulatorOptions, usageError } from './cli/args.ts';
import {
  describe,
  describeCalendar,
  describeLoad,
  describeSimulation,
  describeStart,
} from './cli/describe.ts';
import { progressBar } from './cli/progress.ts';
import { whatIfCommand } from './cli/whatif.ts';
import { gatewayCommand, GATEWAY_USAGE } from './cli/gateway.ts';
import { registriesCommand } from './cli/registries.ts';
import { cliPersonalData, PERSONAL_DATA_USAGE, resealCommand } from './cli/personal-data.ts';
import { describeProductionStart, isProduction, ProductionSettingsError } from './production.ts';
import { checkpointCommand, CHECKPOINT_USAGE, cliChainKeys, readCheckpointFile } from './cli/checkpoint.ts';

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
${CHECKPOINT_USAGE}
${PERSONAL_DATA_USAGE}
  onething staff load --file F|-                  load the deployment's organisations, staff and supervisors
                                                  (JSON: organisations[], staff[], supervisors[]; loading again updates)
                                                  (DATABASE_URL, or the embedded store in ./data)
  onething calendar [status] [--json]             which years count on the State Council's official
                                                  arrangement, which provisionally, which not at all
  onething calendar load FILE.json [--json]       store a year's official arrangement (国办发明电) and
                                                  count the open cases' deadlines again with it
                                                  (DATABASE_URL, or the embedded store; --data DIR)
  onething whatif --region R --policy FILE --since 2026-01-01 [--json] [--data DIR]
                                                  replay the cases under a copy of the policy (JSON/.ts:
                                                  a policy, or {"basedOn": R, "set": {path: value}});
                                                  reads only (DATABASE_URL, or the embedded store)
${GATEWAY_USAGE}
  onething registries serve [--port 4010] [--host H] [--seed S]
                                                  the shared-data registries' reference server (the
                                                  contract docs/registries.openapi.json, demo data;
                                                  token: REGISTRY_TOKEN, default reference-token)
  onething registries conformance --url URL [--file FAMILY.json] [--json]
                                                  check a data-sharing platform's endpoint against the
                                                  contract (token: REGISTRY_TOKEN); exit 1 if it fails
  onething registries openapi                     the contract as OpenAPI 3.1 (JSON)

Regions: ${RegionId.options.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  // The gateway's commands have options of their own (cli/gateway.ts).
  if (argv[0] === 'gateway' && !argv.includes('--help') && !argv.includes('-h'))
    return gatewayCommand(argv.slice(1), (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
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
      policy: { type: 'string' },
      since: { type: 'string' },
      checkpoint: { type: 'string' },
      out: { type: 'string' },
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
        server.production
          ? describeProductionStart(server.address, process.env)
          : describeStart(server, process.env),
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
      const db = await openDb({
        url: process.env.DATABASE_URL,
        dataDir: values.data,
        personal: cliPersonalData(process.env),
      });
      try {
        const started = Date.now();
        const summary = await runSimulation({
          region: policy.region,
          cases,
          seed: values.seed ?? '1',
          db,
          start: values.start ? instant(values.start) : new Date('2026-03-02T09:00:00+08:00'),
          departments: simulatorOptions(values),
          chain: cliChainKeys(process.env),
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
        personal: cliPersonalData(process.env),
        dataDir: process.env.DATABASE_URL ? undefined : DATA_DIR,
      });
      try {
        const report = await verifyStore(db, {
          now: new Date(),
          keys: cliChainKeys(process.env),
          checkpointFile: values.checkpoint ? readCheckpointFile(values.checkpoint) : undefined,
          requireCheckpoint: isProduction(process.env),
        });
        out(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      } finally {
        await db.close();
      }
    }
    case 'checkpoint': {
      const chain = cliChainKeys(process.env);
      const db = await openDb({
        url: process.env.DATABASE_URL,
        personal: cliPersonalData(process.env),
        dataDir: process.env.DATABASE_URL ? undefined : (values.data ?? DATA_DIR),
      });
      try {
        out(await checkpointCommand(db, chain, new Date(), values.out));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'personal-data': {
      if (sub !== 'reseal') throw usageError('personal-data', 'use `personal-data reseal`');
      const db = await openDb({
        url: process.env.DATABASE_URL,
        personal: cliPersonalData(process.env),
        dataDir: process.env.DATABASE_URL ? undefined : (values.data ?? DATA_DIR),
      });
      try {
        out(await resealCommand(db));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'staff': {
      if (sub !== 'load') throw usageError('staff', 'use `staff load --file F`');
      const input = readJson(required(values.file ?? positionals[2], 'file'), 'file');
      const db = await openDb({
        url: process.env.DATABASE_URL,
        personal: cliPersonalData(process.env),
        dataDir: process.env.DATABASE_URL ? undefined : DATA_DIR,
      });
      try {
        const n = await loadStaff(db, input);
        out(
          `loaded 已载入: ${n.organisations} organisations 单位, ${n.staff} staff accounts 工作人员, ${n.supervisors} supervisors 监察人员`,
        );
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
        personal: cliPersonalData(process.env),
        dataDir: process.env.DATABASE_URL ? undefined : (values.data ?? DATA_DIR),
      });
      try {
        if (file === null) {
          const status = await calendarStatus(db);
          out(values.json ? JSON.stringify(status, null, 2) : describeCalendar(status));
          return 0;
        }
        const report = await loadArrangements(
          { db, clock: systemClock, chain: cliChainKeys(process.env) },
          readJson(file, 'file'),
        );
        out(values.json ? JSON.stringify(report, null, 2) : describeLoad(report));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'whatif':
      out(await whatIfCommand(region().region, values, DATA_DIR));
      return 0;
    case 'registries':
      return registriesCommand(sub, values, process.env, new Date(), out);
    case 'help':
    case undefined:
      out(USAGE);
      return 0;
    default:
      throw usageError('command', `unknown command ${command}`);
  }
}

/** Stays in the entry: with no value it reads the wall clock, which only this file may (eslint.config.js). */
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof AppError) {
    process.stderr.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
    process.exitCode = e.code === 'INVALID_INPUT' || e.code === 'UNKNOWN_REGION' ? 2 : 1;
  } else if (e instanceof ProductionSettingsError) {
    // Every missing setting at once; 78 is sysexits' EX_CONFIG.
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 78;
  } else if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { officialCalendar } from './calendar/official-calendar.ts';
import { AppError, fieldError } from './domain/error.ts';
import { getPolicy, POLICIES } from './policies/index.ts';
import { evaluate } from './policy/evaluate.ts';
import { parseFacts } from './policy/facts.ts';
import { factsJsonSchema } from './policy/facts-json-schema.ts';
import { serviceGuide } from './policy/guide/index.ts';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from './policy/sample-facts.ts';
import { systemClock } from './system-clock.ts';
import { sampleSituation } from './registries/population.ts';
import { readJson, required, simulatorOptions, usageError } from './cli/args.ts';
import {
  describe,
  describeCalendar,
  describeLoad,
  describeSimulation,
  describeStart,
} from './cli/describe.ts';
import { progressBar } from './cli/progress.ts';
import { USAGE } from './cli/usage.ts';
import { describeProductionStart, isProduction, ProductionSettingsError } from './production.ts';

/** The parents' app as Vite builds it (`npm run build:web`, run by `npm start`). */
const WEB_ROOT = fileURLToPath(new URL('../web/citizen/dist', import.meta.url));

/** The embedded store's directory. PGlite's file mode does not fsync: for trying and testing only. */
const DATA_DIR = './data/pglite';
/** Under `npm start` a person plays these departments on the workbench; the simulator answers the rest. */
const DEMO_DEPARTMENT_MODES = 'midwifery-institution=workbench,police=workbench,hrss=workbench';

async function main(argv: string[]): Promise<number> {
  // The gateway's commands have options of their own (cli/gateway.ts).
  if (argv[0] === 'gateway' && !argv.includes('--help') && !argv.includes('-h'))
    return (await import('./cli/gateway.ts')).gatewayCommand(argv.slice(1), (s) =>
      process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    );
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
      const { startServer } = await import('./server.ts');
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
      const db = await openStore(values.data);
      try {
        const started = Date.now();
        const { runSimulation } = await import('./engine/simulation.ts');
        const { cliChainKeys } = await import('./cli/checkpoint.ts');
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
      const db = await openStore(DATA_DIR);
      try {
        const { verifyStore } = await import('./engine/verify.ts');
        const { cliChainKeys, readCheckpointFile } = await import('./cli/checkpoint.ts');
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
      const { checkpointCommand, cliChainKeys } = await import('./cli/checkpoint.ts');
      const chain = cliChainKeys(process.env);
      const db = await openStore(values.data ?? DATA_DIR);
      try {
        out(await checkpointCommand(db, chain, new Date(), values.out));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'personal-data': {
      if (sub !== 'reseal') throw usageError('personal-data', 'use `personal-data reseal`');
      const db = await openStore(values.data ?? DATA_DIR);
      try {
        out(await (await import('./cli/personal-data.ts')).resealCommand(db));
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'staff': {
      if (sub !== 'load') throw usageError('staff', 'use `staff load --file F`');
      const input = readJson(required(values.file ?? positionals[2], 'file'), 'file');
      const db = await openStore(DATA_DIR);
      try {
        const n = await (await import('./engine/operator/staff.ts')).loadStaff(db, input);
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
      const db = await openStore(values.data ?? DATA_DIR);
      try {
        const { calendarStatus, loadArrangements } = await import('./engine/operator/calendar.ts');
        const { cliChainKeys } = await import('./cli/checkpoint.ts');
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
      out(await (await import('./cli/whatif.ts')).whatIfCommand(region().region, values, DATA_DIR));
      return 0;
    case 'registries':
      return (await import('./cli/registries.ts')).registriesCommand(
        sub,
        values,
        process.env,
        new Date(),
        out,
      );
    case 'help':
    case undefined:
      out(USAGE);
      return 0;
    default:
      throw usageError('command', `unknown command ${command}`);
  }
}

/**
 * The store a command works on: DATABASE_URL, or the embedded one in `dataDir`. Loaded only by the
 * commands that need it, as are the server and the engine, so `evaluate` and `guide` start at once.
 */
async function openStore(dataDir: string | undefined) {
  return (await import('./cli/personal-data.ts')).openCliStore(process.env, dataDir);
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

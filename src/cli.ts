import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { officialCalendar } from './calendar/official-calendar.ts';
import { AppError } from './domain/error.ts';
import { RegionId } from './domain/ids.ts';
import { DEPARTMENT_NAMES } from './domain/names.ts';
import { getPolicy, POLICIES } from './policies/index.ts';
import { evaluate, type Evaluation } from './policy/evaluate.ts';
import { parseFacts } from './policy/facts.ts';
import { factsJsonSchema } from './policy/facts-json-schema.ts';
import { serviceGuide } from './policy/guide.ts';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from './policy/sample-facts.ts';

const USAGE = `onething — 新生儿出生“一件事” / the newborn birth one-thing service

Usage:
  onething demo                                   each region's sample family, evaluated and explained
  onething regions                                the regions this build ships
  onething guide --region R                       the service guide (办事指南) as Markdown
  onething evaluate --region R --input FILE|-     evaluate facts (JSON) and print the result as JSON
                    [--at 2026-11-20T10:00:00+08:00]   submission instant (default: now)
  onething schema facts [--region R]              the facts format as JSON Schema
  onething example --region R                     a sample facts file for the region

Regions: ${RegionId.options.join(', ')}`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      input: { type: 'string' },
      at: { type: 'string' },
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
      out(serviceGuide(region()));
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
        throw new AppError('INVALID_INPUT', { zh: `input：不是有效的 JSON（${(e as Error).message}）`, en: `input: not valid JSON (${(e as Error).message})` }, { field: 'input' });
      }
      const result = evaluate({ policy, facts: parseFacts(json), at: instant(values.at), calendar: officialCalendar() });
      out(JSON.stringify(result, null, 2));
      return 0;
    }
    case 'demo': {
      const calendar = officialCalendar();
      for (const policy of Object.values(POLICIES)) {
        const result = evaluate({ policy, facts: parseFacts(sampleFacts(policy.region)), at: new Date(SAMPLE_SUBMITTED_AT), calendar });
        out(describe(policy.name.zh, policy.name.en, result));
      }
      out(`\nSubmitted at ${SAMPLE_SUBMITTED_AT}. Full guide: npm run onething -- guide --region fujian · JSON: npm run onething -- evaluate --region anhui --input FILE (see README)`);
      return 0;
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
  const lines = [`\n== ${zh} / ${en} ==`, `eligible 可受理: ${r.eligible ? 'yes 是' : 'no 否'} · scenario 情形: ${r.scenario.name?.zh ?? r.scenario.id}`];
  for (const f of r.findings.filter((x) => x.outcome === 'failed')) {
    lines.push(`  ✗ ${f.reason?.zh} — ${f.remedy?.text.zh} 〔${f.citation.file} ${f.citation.clause}〕`);
  }
  for (const p of r.plan) {
    const due = p.deadline.status === 'scheduled' ? `${p.deadline.local}${p.deadline.basis === 'case-promise' ? ' (case promise)' : ''}` : p.deadline.status === 'not-set' ? '时限未规定 no limit set' : `calendar ${p.deadline.year} not covered`;
    lines.push(`  ${'  '.repeat(p.stage)}→ ${p.name.zh} [${DEPARTMENT_NAMES[p.department].zh}] due ${due}`);
  }
  if (r.deadlines.promised?.status === 'scheduled') lines.push(`  case promised by 承诺办结: ${r.deadlines.promised.local}`);
  if (r.deadlines.legal) lines.push(`  legal limit 法定时限: ${r.deadlines.legal.status === 'scheduled' ? r.deadlines.legal.local : r.deadlines.legal.reason.en}`);
  lines.push(`  materials 材料: ${r.materials.map((m) => `${m.name.zh}${m.source === 'shared-data' ? '(共享免交)' : '(上传)'}`).join('，') || '—'}`);
  const ins = r.insurance;
  lines.push(`  insurance 医保: ${ins.stated ? ins.coverage.map((c) => `${c.year}: ${c.start}→${c.end}`).join('; ') + (ins.premiumShare !== null ? ` · premium share ${ins.premiumShare}` : '') : ins.note.zh}`);
  return lines.join('\n');
}

function required(value: string | undefined, field: string): string {
  if (value === undefined || value === '') throw usageError(field, `--${field} is required`);
  return value;
}

function instant(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (!/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(d.getTime())) {
    throw new AppError('INVALID_INPUT', { zh: `at：应为带时区的 ISO 8601 时刻，如 2026-11-20T10:00:00+08:00`, en: `at: must be an ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00+08:00` }, { field: 'at' });
  }
  return d;
}

function usageError(field: string, en: string): AppError {
  return new AppError('INVALID_INPUT', { zh: `${field}：用法错误（${en}）；运行 onething --help 查看用法`, en: `${field}: ${en}; see onething --help` }, { field });
}

try {
  process.exitCode = main(process.argv.slice(2));
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

/**
 * What the command line prints for people rather than programs: a region's sample family evaluated, the
 * server's welcome, a simulation's summary, the holiday calendar's coverage and a calendar load's report,
 * in Chinese and English. Each command's --json prints the data itself; these are the readings of it.
 */
import { statutoryHolidays } from '../calendar/statutory-holidays.ts';
import { DEPARTMENT_LABELS } from '../domain/labels.ts';
import { formatInstant } from '../domain/local-date.ts';
import type { CalendarStatus, LoadReport } from '../engine/operator/calendar.ts';
import type { SimulationSummary } from '../engine/simulation.ts';
import { POLICIES } from '../policies/index.ts';
import type { Evaluation } from '../policy/evaluate.ts';

export function describe(zh: string, en: string, r: Evaluation): string {
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

/** What `onething start` prints once the server listens: where everything is, and how to log in. */
export function describeStart(
  server: { address: string; demoLogins: readonly { region: string; name: string; login: string }[] },
  env: { DATABASE_URL?: string; DEPARTMENT_MODES?: string },
): string {
  return [
    `新生儿出生“一件事” is running · store: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite in ./data (no fsync: for trying and testing, not production)'}`,
    `  parents' app:  ${server.address}/   (a phone-sized window works best; pick a demo parent to log in)`,
    `  API and docs:  ${server.address}/docs`,
    `  health:        ${server.address}/healthz · metrics: ${server.address}/metrics`,
    `  department workbench: ${server.address}/staff/   (pick a demo clerk; ${env.DEPARTMENT_MODES ? `DEPARTMENT_MODES=${env.DEPARTMENT_MODES}` : 'the hospitals, police and HRSS decide there'})`,
    `  the other departments are simulated and answer within 5–60 s; SMS go to ./data/sms.log`,
    `  demo logins for the API (send as the Authorization header; clerks are the sample family's):`,
    ...server.demoLogins.map((d) => `    ${d.region.padEnd(18)} ${d.name}  ${d.login}`),
    `  supervision:   ${server.address}/supervision   (dashboard, what-if; API login: Bearer dev-supervisor:zibo,gansu-lanzhou,sichuan-tongchuan,fujian,anhui)`,
    `  department gateway keys (HMAC): dev-key-<department>, e.g. dev-key-police`,
    `  stop with Ctrl+C`,
  ].join('\n');
}

export function describeSimulation(s: SimulationSummary, ms: number): string {
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

export function describeCalendar(s: CalendarStatus): string {
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

export function describeLoad(r: LoadReport): string {
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

import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fieldError } from '../domain/error.ts';
import type { RegionId } from '../domain/ids.ts';
import { DEPARTMENT_LABELS } from '../domain/labels.ts';
import { storedCalendar } from '../engine/operator/calendar.ts';
import { whatIf, type WhatIfReport } from '../engine/supervisor/whatif/index.ts';
import type { Db } from '../store/db.ts';
import { readJson, required } from './args.ts';
import { openCliStore } from './personal-data.ts';

/**
 * `onething whatif --region R --policy FILE --since DATE [--json]`: the region's cases since the
 * date replayed under a copy of its policy. FILE is JSON (a whole policy, or changes to the live one:
 * {"basedOn": R, "set": {path: value}, "remove": [path]}) or a TypeScript/JavaScript module whose
 * default export is either. Reads only.
 */
export async function whatIfCommand(
  region: RegionId,
  values: { policy?: string; since?: string; json?: boolean; data?: string },
  defaultDataDir: string,
): Promise<string> {
  const copy = await readPolicyFile(required(values.policy, 'policy'));
  const since = required(values.since, 'since');
  const db = await openCliStore(process.env, values.data ?? defaultDataDir);
  try {
    return await run(db, { region, copy, since, json: values.json ?? false });
  } finally {
    await db.close();
  }
}

async function run(db: Db, o: { region: RegionId; copy: unknown; since: string; json: boolean }) {
  const copy = o.copy;
  const report = await whatIf(
    { db, calendar: await storedCalendar(db) },
    { region: o.region, copy, since: o.since },
  );
  return o.json ? JSON.stringify(report, null, 2) : describeWhatIf(report);
}

async function readPolicyFile(file: string): Promise<unknown> {
  if (!['.ts', '.js', '.mjs'].includes(extname(file))) return readJson(file, 'policy');
  try {
    const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
    return mod.default;
  } catch (e) {
    throw fieldError('INVALID_INPUT', 'policy', {
      zh: `无法载入 ${file}（${(e as Error).message}）`,
      en: `cannot load ${file} (${(e as Error).message})`,
    });
  }
}

const OUTCOME: Record<string, string> = {
  passed: '符合 passes',
  failed: '不符合 fails',
  'not-applicable': '不适用 n/a',
};

/** The report for a terminal: Chinese first, English after, labels instead of code names. */
export function describeWhatIf(r: WhatIfReport): string {
  const name = (id: string) => r.items[id] ?? { zh: id, en: id };
  const dept = (id: string) => DEPARTMENT_LABELS[id as keyof typeof DEPARTMENT_LABELS] ?? { zh: id, en: id };
  const lines = [
    `政策推演 Policy what-if · ${r.region} · 自 since ${r.since}`,
    `重放办件 cases replayed: ${r.replayed}` +
      (r.withoutFacts
        ? `（另有 ${r.withoutFacts} 件无判定事实 / ${r.withoutFacts} without decided facts）`
        : ''),
    ...r.changes.map(
      (c) => `  改动 change: ${c.path}  ${JSON.stringify(c.live)} → ${JSON.stringify(c.copy)}`,
    ),
    `改为不予受理 refused: ${r.refused} · 改为受理 accepted: ${r.accepted} · 事项变化 items changed: ${r.itemsChanged}`,
  ];
  if (r.families.length) lines.push('', '受影响的家庭 Families affected:');
  for (const f of r.families) {
    const items = [
      ...f.itemsDropped.map((i) => `−${name(i).zh}`),
      ...f.itemsAdded.map((i) => `+${name(i).zh}`),
    ].join(' ');
    lines.push(`  ${f.caseId}  ${f.submittedAt.slice(0, 10)}  ${items}`);
    for (const rule of f.rules)
      lines.push(
        `    ${rule.requirement.zh}（${rule.citation.file} ${rule.citation.clause}）${OUTCOME[rule.live ?? ''] ?? '—'} → ${OUTCOME[rule.copy ?? ''] ?? '—'}`,
      );
  }
  const moved = r.deadlines.filter((d) => d.moved > 0);
  lines.push('', `时限变化 Deadlines moved (working days): ${moved.length ? '' : '无 none'}`);
  for (const d of moved)
    lines.push(
      `  ${name(d.item).zh} ${name(d.item).en}: ${d.moved}/${d.compared} · ${d.distribution
        .map((x) => `${x.days > 0 ? '+' : ''}${x.days}×${x.cases}`)
        .join(' ')}`,
    );
  const changed = r.load.filter((l) => l.live !== l.copy);
  lines.push('', `部门每周工作量变化 Load per department and week: ${changed.length ? '' : '无 none'}`);
  for (const l of changed) lines.push(`  ${l.week} ${dept(l.department).zh}: ${l.live} → ${l.copy}`);
  if (r.failed.length) lines.push('', `无法推演 Could not replay: ${r.failed.length}`);
  return lines.join('\n');
}

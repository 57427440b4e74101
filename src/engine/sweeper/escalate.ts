import type { RegionId } from '../../domain/ids.ts';
import { escalationThresholdLabel, SLA_BASIS_LABELS } from '../../domain/labels.ts';
import { formatInstant } from '../../domain/local-date.ts';
import { getPolicy, POLICIES } from '../../policies/index.ts';
import {
  crossings,
  deliverToStaff,
  recordEscalations,
  type Crossing,
  type InboxEntry,
} from '../../store/escalation-store.ts';
import { enqueue } from '../../store/outbox-store.ts';
import type { EngineDeps } from '../deps.ts';
import { regionMeasure } from '../supervisor/measure.ts';
import { supervisionSettings } from '../supervisor/settings.ts';

/** How many crossings one sweep records per region; the rest wait for the next sweep. */
const BATCH = 1000;

/**
 * 超期预警: each open item held by a department that crosses a threshold (due soon, overdue,
 * overdue by N working days — settings) is recorded once per deadline, and its organisation's clerks and head
 * get it in the workbench inbox, and by text where their phone is known (otherwise the inbox says
 * it was not sent). The record, the inbox rows and the texts commit together.
 */
export async function escalate(deps: EngineDeps, batch = BATCH): Promise<number> {
  const s = supervisionSettings(deps.settings);
  let total = 0;
  for (const region of Object.keys(POLICIES) as RegionId[]) {
    const m = await regionMeasure(deps, region);
    const soon = new Date(m.now.getTime() + s.dueSoonHours * 3_600_000);
    const found = await crossings(deps.db, m, soon, s.overdueByWorkingDays, batch);
    if (!found.length) continue;
    total += await deps.db.transaction(async (tx) => {
      const won = await recordEscalations(tx, region, found, m.now);
      const entries = won.filter((c) => c.organisationId).map((c) => entry(region, c));
      const texts = await deliverToStaff(tx, entries, m.now);
      const key = (c: { caseId: string; item: string; threshold: string | null }) =>
        `${c.caseId}\u0000${c.item}\u0000${c.threshold}`;
      const byKey = new Map(entries.map((e) => [key(e), e]));
      const dueOf = new Map(won.map((c) => [key(c), c.due.toISOString()]));
      await enqueue(
        tx,
        texts.map((t) => {
          const e = byKey.get(key(t))!;
          return {
            kind: 'notify' as const,
            topic: 'sms',
            idempotencyKey: `escalation:${t.caseId}:${t.item}:${t.threshold}:${dueOf.get(key(t))}:${t.staffId}`,
            caseId: t.caseId,
            payload: { to: t.phone, template: `escalation-${t.threshold}`, ...e.body },
          };
        }),
        m.now,
      );
      return won.length;
    });
  }
  return total;
}

function entry(region: RegionId, c: Crossing): InboxEntry {
  const item = getPolicy(region).items.find((i) => i.id === c.item)?.name ?? { zh: '事项', en: 'An item' };
  const level = escalationThresholdLabel(c.threshold);
  const basis = SLA_BASIS_LABELS[c.basis]!;
  const due = formatInstant(c.due);
  return {
    organisationId: c.organisationId!,
    kind: 'escalation',
    caseId: c.caseId,
    item: c.item,
    threshold: c.threshold,
    headsOnly: false,
    body: {
      title: { zh: `${level.zh}：${item.zh}`, en: `${level.en}: ${item.en}` },
      text: {
        zh: `办件 ${c.caseId} 的“${item.zh}”应于 ${due} 前办结（${basis.zh}），请尽快办理。`,
        en: `Case ${c.caseId}: “${item.en}” is due by ${due} (${basis.en.toLowerCase()}); please decide it.`,
      },
    },
  };
}

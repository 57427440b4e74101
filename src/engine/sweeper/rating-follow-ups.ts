import { RATING_LEVELS, RATING_REASON_AT_OR_BELOW } from '../../domain/labels.ts';
import { formatInstant } from '../../domain/local-date.ts';
import { addWorkingDays } from '../../domain/sla-clock.ts';
import { getPolicy } from '../../policies/index.ts';
import { deliverToStaff, type InboxEntry } from '../../store/escalation-store.ts';
import { enqueue } from '../../store/outbox-store.ts';
import { createFollowUps, poorRatingsWithoutFollowUp } from '../../store/rating-follow-up-store.ts';
import type { EngineDeps } from '../deps.ts';
import { supervisionSettings } from '../supervisor/settings.ts';

/**
 * 差评整改: each rating of 不满意 (2) or 非常不满意 (1) — the levels that ask the family for a reason
 * — becomes a follow-up task for the head of the organisation that handled the item, due in the
 * set number of working days, in the head's inbox (and by text where the phone is known).
 */
export async function createRatingFollowUps(deps: EngineDeps, batch = 500): Promise<number> {
  const at = deps.clock.now();
  const days = supervisionSettings(deps.settings).followUpWorkingDays;
  const poor = await poorRatingsWithoutFollowUp(deps.db, RATING_REASON_AT_OR_BELOW, batch);
  if (!poor.length) return 0;
  const due = addWorkingDays(deps.calendar, at, days);
  return deps.db.transaction(async (tx) => {
    const created = await createFollowUps(
      tx,
      poor.map((p) => ({ ...p, due })),
      at,
    );
    const entries: InboxEntry[] = created
      .filter((c) => c.organisationId)
      .map((c) => {
        const item = getPolicy(c.region).items.find((i) => i.id === c.item)?.name ?? {
          zh: '事项',
          en: 'An item',
        };
        const level = RATING_LEVELS.find((l) => l.score === c.score)!.label;
        return {
          organisationId: c.organisationId!,
          kind: 'rating-follow-up',
          caseId: c.caseId,
          item: c.item,
          threshold: null,
          headsOnly: true,
          body: {
            title: { zh: `差评跟进：${item.zh}`, en: `Poor rating to follow up: ${item.en}` },
            text: {
              zh: `办件 ${c.caseId} 的“${item.zh}”被评为“${level.zh}”：${c.comment}。请于 ${formatInstant(due)} 前跟进并在工作台记录结果。`,
              en: `Case ${c.caseId}: “${item.en}” was rated “${level.en}”: ${c.comment}. Follow it up and record the outcome on the workbench by ${formatInstant(due)}.`,
            },
          },
        };
      });
    const texts = await deliverToStaff(tx, entries, at);
    const byCase = new Map(entries.map((e) => [`${e.caseId}\u0000${e.item}`, e]));
    await enqueue(
      tx,
      texts.map((t) => ({
        kind: 'notify' as const,
        topic: 'sms',
        idempotencyKey: `rating-follow-up:${t.caseId}:${t.item}:${t.staffId}`,
        caseId: t.caseId,
        payload: {
          to: t.phone,
          template: 'rating-follow-up',
          ...byCase.get(`${t.caseId}\u0000${t.item}`)!.body,
        },
      })),
      at,
    );
    return created.length;
  });
}

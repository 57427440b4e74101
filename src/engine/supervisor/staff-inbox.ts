import { fieldError } from '../../domain/error.ts';
import { RATING_LEVELS } from '../../domain/labels.ts';
import { getPolicy } from '../../policies/index.ts';
import { markInboxRead, staffInbox } from '../../store/escalation-store.ts';
import { listFollowUps, recordOutcome } from '../../store/rating-follow-up-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { StaffContext } from '../staff/work.ts';

/**
 * Where supervision reaches the workbench: the escalations and follow-up tasks in a staff
 * member's inbox ("消息"), and the head recording what was done about a poor rating.
 */
export async function inbox(deps: EngineDeps, ctx: StaffContext) {
  const policy = getPolicy(ctx.organisation.region);
  const messages = await staffInbox(deps.db, ctx.staff.id);
  const followUps = await listFollowUps(deps.db, { organisationId: ctx.organisation.id });
  return {
    role: ctx.staff.role,
    messages,
    followUps: followUps.map((f) => ({
      caseId: f.caseId,
      item: f.item,
      itemName: policy.items.find((i) => i.id === f.item)?.name ?? { zh: '事项', en: 'Item' },
      score: f.score,
      scoreLabel: RATING_LEVELS.find((l) => l.score === f.score)!.label,
      comment: f.comment,
      ratedAt: f.ratedAt,
      due: f.due,
      overdue: !f.outcome && f.due < deps.clock.now(),
      outcome: f.outcome,
      outcomeByName: f.outcomeByName,
      outcomeAt: f.outcomeAt,
    })),
  };
}

export async function readMessage(deps: EngineDeps, ctx: StaffContext, id: string) {
  if (!(await markInboxRead(deps.db, ctx.staff.id, id, deps.clock.now())))
    throw fieldError('NOT_FOUND', 'message', { zh: '没有这条消息', en: 'No such message' });
  return { ok: true };
}

/** Only the organisation's head records the outcome, once; another organisation's task is not found. */
export async function recordFollowUpOutcome(
  deps: EngineDeps,
  ctx: StaffContext,
  caseId: string,
  item: string,
  outcome: string,
) {
  if (ctx.staff.role !== 'head')
    throw fieldError('UNAUTHORIZED', 'outcome', {
      zh: '跟进结果：只有单位负责人可以记录',
      en: "Outcome: only the organisation's head records it",
    });
  const r = await recordOutcome(deps.db, {
    organisationId: ctx.organisation.id,
    caseId,
    item,
    outcome,
    staffId: ctx.staff.id,
    at: deps.clock.now(),
  });
  if (r === 'not-found')
    throw fieldError('NOT_FOUND', 'followUp', { zh: '没有这项差评跟进', en: 'No such follow-up' });
  if (r === 'already')
    throw fieldError('CONFLICT', 'outcome', {
      zh: '跟进结果：已经记录过',
      en: 'Outcome: already recorded',
    });
  return { ok: true };
}

import type { CaseEvent, CaseState } from '../domain/case.ts';
import type { ItemId } from '../domain/ids.ts';
import type { Bilingual } from '../domain/text.ts';
import { DEPARTMENTS } from '../departments/index.ts';
import type { CaseForm, DepartmentTask } from '../departments/port.ts';
import type { Policy } from '../policy/schema.ts';
import type { InboxMessage } from '../store/notification-store.ts';
import type { OutboxMessage } from '../store/outbox-store.ts';

/**
 * What events cause outside the case: department tasks and notifications. Derived from the events
 * and written to the outbox in the same transaction, so nothing is sent that was not committed
 * and nothing committed is left unsent.
 */
export function messagesFor(
  policy: Policy,
  state: CaseState,
  events: { seq: number; event: CaseEvent }[],
): { outbox: OutboxMessage[]; inbox: InboxMessage[] } {
  const outbox: OutboxMessage[] = [];
  const inbox: InboxMessage[] = [];
  const itemName = (id: ItemId): Bilingual =>
    policy.items.find((i) => i.id === id)?.name ?? { zh: id, en: id };
  const notify = (seq: number, template: string, title: Bilingual, text: Bilingual, item?: ItemId) => {
    const body = { title, text, ...(item ? { item } : {}) };
    inbox.push({ caseId: state.id, recipientIdNumber: state.applicant.idNumber, template, body });
    // One event may cause several messages (a done enrollment: "done" and Anhui's SMS), so the key names the template.
    outbox.push({
      kind: 'notify',
      topic: 'sms',
      idempotencyKey: `${state.id}:${seq}:sms:${template}`,
      caseId: state.id,
      payload: { to: state.applicant.idNumber, template, ...body },
    });
  };

  for (const { seq, event: e } of events) {
    switch (e.type) {
      case 'case-submitted':
        notify(
          seq,
          'case-accepted',
          { zh: '申请已受理', en: 'Application accepted' },
          {
            zh: `办件 ${state.id} 已受理，共 ${e.items.length} 个事项`,
            en: `Case ${state.id} is accepted, with ${e.items.length} items`,
          },
        );
        break;
      case 'item-dispatched':
      case 'supplement-answered': {
        const item = state.items[e.item]!;
        const attempt = item.attempt + item.supplements;
        const task: DepartmentTask = {
          taskId: `${state.id}:${e.item}:${attempt}`,
          caseId: state.id,
          item: e.item,
          attempt,
          department: item.department,
          region: state.region,
          deadline: item.deadline,
          fields: DEPARTMENTS[item.department].taskFields(e.item, state.form as CaseForm, allOutputs(state)),
        };
        outbox.push({
          kind: 'dispatch',
          topic: item.department,
          idempotencyKey: task.taskId,
          caseId: state.id,
          payload: task,
        });
        break;
      }
      case 'item-done': {
        notify(
          seq,
          'item-done',
          { zh: `${itemName(e.item).zh}已办结`, en: `${itemName(e.item).en}: done` },
          { zh: '可在“我的办件”查看结果并评价', en: 'See the result and rate it under My cases' },
          e.item,
        );
        const sms = policy.smsTemplates.find((t) => t.event === 'insurance-enrolled');
        if (e.item === 'insurance-enrollment' && sms) {
          const name = String((state.form as CaseForm).mother.name);
          notify(
            seq,
            'insurance-enrolled',
            { zh: '参保登记成功', en: 'Insurance enrollment done' },
            { zh: sms.text.zh.replace('{name}', name), en: sms.text.en.replace('{name}', name) },
            e.item,
          );
        }
        break;
      }
      case 'parcel-shipped':
        outbox.push({
          kind: 'ship',
          topic: 'ems',
          idempotencyKey: `${e.parcelId}:ship`,
          caseId: state.id,
          payload: {
            parcelId: e.parcelId,
            caseId: state.id,
            item: e.item,
            direction: e.direction,
            destination: e.destination,
            shippedAt: e.at,
          },
        });
        break;
      case 'parcel-tracked': {
        const parcel = state.items[e.item]?.parcels.find((p) => p.id === e.parcelId);
        if (parcel?.direction === 'to-family' && e.status === 'delivered') {
          notify(
            seq,
            'parcel-delivered',
            { zh: `${itemName(e.item).zh}邮件已送达`, en: `${itemName(e.item).en}: parcel delivered` },
            { zh: `邮件 ${e.parcelId} 已签收`, en: `parcel ${e.parcelId} was delivered` },
            e.item,
          );
        }
        break;
      }
      case 'item-rejected':
        notify(
          seq,
          'item-rejected',
          { zh: `${itemName(e.item).zh}未通过`, en: `${itemName(e.item).en}: not approved` },
          e.reason,
          e.item,
        );
        break;
      case 'supplement-requested':
        notify(
          seq,
          'supplement-requested',
          { zh: `${itemName(e.item).zh}需要补件`, en: `${itemName(e.item).en}: supplement needed` },
          e.message,
          e.item,
        );
        break;
      case 'item-cancelled':
        notify(
          seq,
          'item-cancelled',
          { zh: `${itemName(e.item).zh}已取消`, en: `${itemName(e.item).en}: cancelled` },
          e.offline,
          e.item,
        );
        break;
      default:
        break;
    }
  }
  return { outbox, inbox };
}

function allOutputs(state: CaseState): Record<string, string> {
  return Object.assign({}, ...Object.values(state.items).map((i) => i.outputs));
}

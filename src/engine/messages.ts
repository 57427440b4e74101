import type { CaseEvent, CaseState, ItemState } from '../domain/case.ts';
import { decidedBy } from '../domain/case-commands.ts';
import type { ItemId } from '../domain/ids.ts';
import { formatInstant } from '../domain/local-date.ts';
import { maskName } from '../domain/redact.ts';
import type { Bilingual } from '../domain/text.ts';
import { DEPARTMENTS } from '../departments/index.ts';
import { minimumNecessary } from '../departments/minimum-necessary.ts';
import type { CaseForm, DepartmentTask } from '../departments/port.ts';
import type { Policy } from '../policy/schema.ts';
import type { InboxMessage } from '../store/notification-store.ts';
import type { OutboxMessage } from '../store/outbox-store.ts';

/**
 * What events cause outside the case: department tasks, parcels and notices to the parent (in the
 * app's inbox and by SMS, with the same words). Derived from the events and written to the outbox
 * in the same transaction, so nothing is sent that was not committed and nothing committed is
 * left unsent.
 */
export function messagesFor(
  policy: Policy,
  state: CaseState,
  events: { seq: number; event: CaseEvent }[],
): { outbox: OutboxMessage[]; inbox: InboxMessage[] } {
  const outbox: OutboxMessage[] = [];
  const inbox: InboxMessage[] = [];
  const name = (id: ItemId): Bilingual =>
    policy.items.find((i) => i.id === id)?.name ?? { zh: '事项', en: 'An item' };
  const materialNames = (ids: string[]) => {
    const names = ids.map(
      (m) => policy.materials.find((x) => x.id === m)?.name ?? { zh: '材料', en: 'a material' },
    );
    return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
  };
  // The applicant's mobile as the form fixed it (the registry's or the one typed); without one, the inbox only.
  const phone = (state.form as { contact?: { phone?: string | null } } | null)?.contact?.phone ?? null;
  const notify = (seq: number, template: string, title: Bilingual, text: Bilingual, item?: ItemId) => {
    const body = { title, text, ...(item ? { item } : {}) };
    inbox.push({ caseId: state.id, recipientIdNumber: state.applicant.idNumber, template, body });
    // One event may cause several messages (a done enrollment: "done" and Anhui's SMS), so the key names the template.
    if (phone)
      outbox.push({
        kind: 'notify',
        topic: 'sms',
        idempotencyKey: `${state.id}:${seq}:sms:${template}`,
        caseId: state.id,
        payload: { to: phone, template, ...body },
      });
  };
  const dispatch = (item: ItemState) => {
    const attempt = dispatchNumber(item);
    // Only what the department is listed to receive leaves the platform (departments/minimum-necessary).
    const { kept: fields } = minimumNecessary(
      item.department,
      DEPARTMENTS[item.department].taskFields(item.id, state.form as CaseForm, allOutputs(state), item),
    );
    // A handed-off item goes to the cross-province platform, which routes it to the province there.
    const to = decidedBy(item);
    const task: DepartmentTask = {
      taskId: `${state.id}:${item.id}:${attempt}`,
      caseId: state.id,
      item: item.id,
      attempt,
      department: to,
      region: state.region,
      deadline: item.deadline,
      fields: item.handOff
        ? { ...fields, handOff: { province: item.handOff.province, department: item.department } }
        : fields,
    };
    outbox.push({
      kind: 'dispatch',
      topic: to,
      idempotencyKey: task.taskId,
      caseId: state.id,
      payload: task,
    });
  };
  const ship = (item: ItemId, parcelId: string) => {
    const parcel = state.items[item]!.parcels.find((p) => p.id === parcelId)!;
    const payload = {
      parcelId,
      caseId: state.id,
      item,
      direction: parcel.direction,
      destination: parcel.destination,
      shippedAt: parcel.tracking.at(-1)!.at,
      ...(parcel.pickup ? { pickup: parcel.pickup } : {}),
    };
    outbox.push({
      kind: 'ship',
      topic: 'ems',
      idempotencyKey: `${parcelId}:ship`,
      caseId: state.id,
      payload,
    });
  };

  for (const { seq, event: e } of events) {
    if (e.type === 'case-submitted') {
      notify(
        seq,
        'case-accepted',
        { zh: '申请已受理', en: 'Application accepted' },
        {
          zh: `办件 ${state.id} 已受理，共 ${e.items.length} 个事项`,
          en: `Case ${state.id} is accepted, with ${e.items.length} items`,
        },
      );
      continue;
    }
    // A recount is told once per case by the calendar load itself (engine/operator/calendar.ts).
    if (
      e.type === 'case-overdue' ||
      e.type === 'promise-recomputed' ||
      e.type === 'family-deadline-met' ||
      e.type === 'family-deadline-recomputed'
    )
      continue;
    if (e.type === 'family-deadline-set' || e.type === 'family-deadline-overdue') {
      const f = state.familyDeadlines!.find((d) => d.id === e.id)!;
      const due = f.due ? formatInstant(new Date(f.due)) : null;
      const opens = f.opensAt ? formatInstant(new Date(f.opensAt)) : null;
      const when: Bilingual = {
        zh: [opens && `${opens}后`, due && `${due}前`].filter(Boolean).join('、'),
        en: [opens && `after ${opens}`, due && `by ${due}`].filter(Boolean).join(' and '),
      };
      if (e.type === 'family-deadline-set')
        notify(
          seq,
          'family-deadline',
          { zh: '请您办理', en: 'Your turn' },
          { zh: `请${when.zh}${f.task.zh}`, en: `Please ${f.task.en} ${when.en}`.trim() },
        );
      else
        notify(
          seq,
          'family-deadline-overdue',
          { zh: '您的待办已超期', en: 'Your task is overdue' },
          { zh: `“${f.task.zh}”已超过期限（${due}）`, en: `“${f.task.en}” is past its deadline (${due})` },
        );
      continue;
    }
    const n = name(e.item);
    switch (e.type) {
      case 'item-dispatched':
      case 'supplement-answered':
      case 'payment-made':
        // Two-way EMS: the department gets the task when the family's documents reach it, not before.
        if (e.type !== 'item-dispatched' || !state.items[e.item]!.inboundParcel)
          dispatch(state.items[e.item]!);
        if (e.type === 'payment-made') {
          notify(
            seq,
            'payment-made',
            { zh: `${n.zh}：已缴费`, en: `${n.en}: paid` },
            { zh: '缴费成功，正等待税务部门确认', en: 'Payment received; the tax bureau is confirming it' },
            e.item,
          );
        }
        break;
      case 'item-done': {
        notify(
          seq,
          'item-done',
          { zh: `${n.zh}已办结`, en: `${n.en}: done` },
          { zh: '可在“我的办件”查看结果并评价', en: 'See the result and rate it under My cases' },
          e.item,
        );
        const sms = policy.smsTemplates.find((t) => t.event === 'insurance-enrolled');
        if (e.item === 'insurance-enrollment' && sms) {
          // A text can be read by anyone holding the phone: the name as 张*, the template's {name}.
          const mother = maskName(String((state.form as CaseForm).mother.name));
          notify(
            seq,
            'insurance-enrolled',
            { zh: '参保登记成功', en: 'Insurance enrollment done' },
            { zh: sms.text.zh.replace('{name}', mother), en: sms.text.en.replace('{name}', mother) },
            e.item,
          );
        }
        break;
      }
      case 'materials-requested': {
        const what = materialNames(e.materials);
        notify(
          seq,
          'materials-requested',
          { zh: `${n.zh}：请上传材料`, en: `${n.en}: please upload` },
          { zh: `请在“我的办件”中上传：${what.zh}`, en: `Upload under My cases: ${what.en}` },
          e.item,
        );
        break;
      }
      case 'payment-requested': {
        const years = e.years.map((y) => `${y.year}`);
        const yuan = (e.amountFen / 100).toFixed(2);
        notify(
          seq,
          'payment-requested',
          { zh: `${n.zh}：请缴费`, en: `${n.en}: payment due` },
          {
            zh: `应缴 ${yuan} 元（${years.join('、')} 年度），请在“我的办件”中缴纳`,
            en: `${yuan} yuan is due for ${years.join(' and ')}; pay it under My cases`,
          },
          e.item,
        );
        break;
      }
      case 'pickup-requested':
        notify(
          seq,
          'pickup-requested',
          { zh: `${n.zh}：请预约上门取件`, en: `${n.en}: book a pickup` },
          {
            zh: '请在“我的办件”中预约邮政 EMS 上门收取您寄往办理部门的材料',
            en: 'Book the EMS courier under My cases to collect what you send to the department',
          },
          e.item,
        );
        break;
      case 'pickup-booked':
      case 'parcel-shipped':
        ship(e.item, e.parcelId);
        break;
      case 'parcel-tracked': {
        const parcel = state.items[e.item]?.parcels.find((p) => p.id === e.parcelId);
        if (
          parcel?.direction === 'to-department' &&
          e.status === 'delivered' &&
          state.items[e.item]!.status === 'dispatched'
        )
          dispatch(state.items[e.item]!);
        if (parcel?.direction === 'to-family' && e.status === 'delivered') {
          notify(
            seq,
            'parcel-delivered',
            { zh: `${n.zh}邮件已送达`, en: `${n.en}: parcel delivered` },
            {
              zh: parcel.waybill ? `邮政 EMS 运单 ${parcel.waybill} 已签收` : '邮件已签收',
              en: parcel.waybill ? `EMS waybill ${parcel.waybill} was delivered` : 'the parcel was delivered',
            },
            e.item,
          );
        }
        break;
      }
      case 'item-rejected':
        notify(seq, 'item-rejected', { zh: `${n.zh}未通过`, en: `${n.en}: not approved` }, e.reason, e.item);
        break;
      case 'hand-off-accepted': {
        const where = state.items[e.item]!.handOff!.provinceName;
        notify(
          seq,
          'hand-off-accepted',
          { zh: `${n.zh}：已由${where.zh}受理`, en: `${n.en}: accepted in ${where.en}` },
          {
            zh: `已移交${where.zh}办理，对方办件编号 ${e.remoteCaseId}`,
            en: `handed over to ${where.en}, case number there ${e.remoteCaseId}`,
          },
          e.item,
        );
        break;
      }
      case 'supplement-requested':
        notify(
          seq,
          'supplement-requested',
          { zh: `${n.zh}需要补件`, en: `${n.en}: supplement needed` },
          e.message,
          e.item,
        );
        break;
      case 'item-cancelled':
        notify(seq, 'item-cancelled', { zh: `${n.zh}已取消`, en: `${n.en}: cancelled` }, e.offline, e.item);
        break;
      default:
        break;
    }
  }
  // An official arrangement loaded: one notice per case, however many of its deadlines moved.
  const recount = events.find(
    ({ event }) => event.type === 'promise-recomputed' || event.type === 'deadline-recomputed',
  );
  if (
    recount &&
    (recount.event.type === 'promise-recomputed' || recount.event.type === 'deadline-recomputed')
  ) {
    const { years, source } = recount.event;
    notify(
      recount.seq,
      'deadline-recomputed',
      { zh: '办理时限已按正式节假日安排重新计算', en: 'Deadlines counted again with the official holidays' },
      {
        zh: `国务院办公厅已公布${years.join('、')}年节假日安排（${source}），您的办件时限已据此重新计算，请在“我的办件”查看`,
        en: `The State Council General Office has published the ${years.join(' and ')} holiday arrangement (${source}); your case's deadlines were counted again with it. See My cases.`,
      },
    );
  }
  return { outbox, inbox };
}

/** Which dispatch of the item this is: the first, then one more per supplement answered and per payment. */
export function dispatchNumber(item: ItemState): number {
  return item.attempt + item.supplements + (item.payment?.paidAt ? 1 : 0);
}

function allOutputs(state: CaseState): Record<string, string> {
  return Object.assign({}, ...Object.values(state.items).map((i) => i.outputs));
}

import { createHash } from 'node:crypto';
import { babyKey } from '../../domain/baby.ts';
import { regionsFor } from '../../policies/index.ts';
import { insertNotifications } from '../../store/notification-store.ts';
import { enqueue } from '../../store/outbox-store.ts';
import type { DeliveryRecord } from '../../registries/port.ts';
import { insertInvitations, markOpened } from '../../store/proactive-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * 免申即办: the hospital's delivery record has arrived, so the platform invites the mother to apply,
 * by SMS and in her inbox, with the application prefilled from that record (the parents' app starts
 * from it). Once per baby however often the record arrives; twins get one invitation each.
 */
const BATCH = 200;

export async function deliveryRecordsArrived(deps: EngineDeps, motherIdNumbers: string[]): Promise<string[]> {
  const invited: string[] = [];
  for (let i = 0; i < motherIdNumbers.length; i += BATCH) {
    const records = await Promise.all(
      motherIdNumbers.slice(i, i + BATCH).map((id) => deps.shared.deliveryRecordOf(id)),
    );
    invited.push(
      ...(await invite(
        deps,
        records.filter((r): r is DeliveryRecord => r !== null),
      )),
    );
  }
  return invited;
}

async function invite(deps: EngineDeps, records: DeliveryRecord[]): Promise<string[]> {
  const babies = records.flatMap((record) =>
    record.babies.flatMap((b) => {
      // Born where no region of this service applies: nothing the platform could prefill here.
      const region = regionsFor(b.birthPlace.divisionCode)[0];
      const twins = record.babies.length > 1;
      return region
        ? [
            {
              babyKey: babyKey(record.motherIdNumber, b.bornAt, b.birthOrder),
              region,
              motherIdNumber: record.motherIdNumber,
              birthOrder: b.birthOrder,
              bornAt: b.bornAt,
              body: {
                title: {
                  zh: '宝宝出生“一件事”可以直接办理了',
                  en: "Your baby's one-thing application is ready",
                },
                text: {
                  zh: `已收到${record.institutionName}的分娩信息，${twins ? `第 ${b.birthOrder} 个宝宝的` : ''}申请表已为您预填，打开应用核对后即可提交`,
                  en: `${record.institutionName}'s delivery record has arrived; the application${twins ? ` for baby ${b.birthOrder}` : ''} is filled in for you: open the app, check it and submit`,
                },
                link: `/invited/${region}/${b.birthOrder}`,
              },
            },
          ]
        : [];
    }),
  );
  if (!babies.length) return [];
  // The SMS goes to the mother's mobile as the population registry has it; without one, the inbox only.
  const phones = new Map<string, string>();
  for (const id of new Set(babies.map((b) => b.motherIdNumber))) {
    const phone = (await deps.shared.person(id))?.phone;
    if (phone) phones.set(id, phone);
  }
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const fresh = new Set(await insertInvitations(tx, babies, at));
    const invited = babies.filter((b) => fresh.has(b.babyKey));
    await insertNotifications(
      tx,
      invited.map(({ motherIdNumber, body }) => ({
        caseId: null,
        recipientIdNumber: motherIdNumber,
        template: 'proactive-invitation',
        body,
      })),
      at,
    );
    await enqueue(
      tx,
      invited
        .filter((b) => phones.has(b.motherIdNumber))
        .map(({ babyKey: key, motherIdNumber, body }) => ({
          kind: 'notify' as const,
          topic: 'sms',
          // The baby key holds the mother's ID number; the SMS gateway gets a digest of it.
          idempotencyKey: `sms:proactive:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`,
          caseId: null,
          payload: {
            to: phones.get(motherIdNumber)!,
            template: 'proactive-invitation',
            title: body.title,
            text: body.text,
          },
        })),
      at,
    );
    return invited.map((b) => b.babyKey);
  });
}

/** The mother opened the invitation (the link in her SMS or inbox); the first opening counts. */
export async function invitationOpened(deps: EngineDeps, idNumber: string, birthOrder: number) {
  return { opened: await markOpened(deps.db, idNumber, birthOrder, deps.clock.now()) };
}

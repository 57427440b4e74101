import type { Bilingual } from '../domain/text.ts';
import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/** The parents' in-app inbox. */
export interface InboxMessage {
  /** Null for a notice that comes before any case (an invitation to sign). */
  caseId: string | null;
  recipientIdNumber: string;
  template: string;
  /** `link`: where the notice leads in the parents' app (an invitation to apply opens the application). */
  body: { title: Bilingual; text: Bilingual; item?: string; link?: string };
}

export async function insertNotifications(q: Queryable, messages: InboxMessage[], at: Date): Promise<void> {
  if (!messages.length) return;
  await q.query(
    `insert into notifications (case_id, recipient_id_number, template, body, created_at)
     values ${valuesList(messages.length, 5, ['', '', '', 'jsonb', 'timestamptz'])}`,
    messages.flatMap((n) => [
      n.caseId,
      q.personal.index(n.recipientIdNumber),
      n.template,
      n.body,
      at.toISOString(),
    ]),
  );
}

export async function listNotifications(q: Queryable, recipientIdNumber: string) {
  return q.query<{
    id: number;
    caseId: string | null;
    template: string;
    body: InboxMessage['body'];
    createdAt: Date;
    readAt: Date | null;
  }>(
    `select id, case_id as "caseId", template, body, created_at as "createdAt", read_at as "readAt"
     from notifications where recipient_id_number = $1 order by id desc limit 200`,
    [q.personal.index(recipientIdNumber)],
  );
}

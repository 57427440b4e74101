import { createHash, randomUUID } from 'node:crypto';
import { fieldError } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import { ROLE_LABELS } from '../../domain/labels.ts';
import { renderApplicationForm } from '../../documents/application-form.ts';
import { getPolicy } from '../../policies/index.ts';
import type { Queryable } from '../../store/db.ts';
import { findFatherConfirmation, verifiedFaces } from '../../store/family-store.ts';
import {
  coSignaturesOf,
  findInvitation,
  insertInvitation,
  invitationsFor,
  upsertCoSignature,
  type Invitation,
  type InvitationTask,
} from '../../store/invitation-store.ts';
import { insertNotifications, type InboxMessage } from '../../store/notification-store.ts';
import { enqueue } from '../../store/outbox-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { plannedItems, preview, promisedOf, type Preview } from './apply.ts';
import { FamilyReads } from './family-reads.ts';
import { preReview } from './pre-review.ts';

/**
 * Each parent acts on their own phone. Where the region has the other parent sign the form
 * (Gansu, Sichuan), verify their face (Zibo) or confirm (Anhui), the applicant invites them: the
 * invitation reaches their inbox and phone, they open exactly the form the applicant prepared and
 * act in their own login, and the applicant sees who still has to.
 */

/** What the other parent still has to do for this application. */
function tasksFor(p: Preview, otherRole: ParentRole): InvitationTask[] {
  const tasks: InvitationTask[] = [];
  if (p.evaluation.findings.some((f) => f.ruleId === 'father-confirmed' && f.outcome === 'failed'))
    tasks.push('confirm');
  if (p.coSigners.some((c) => c.role === otherRole && !c.signedAt)) tasks.push('sign');
  if (p.missing.some((m) => m.field === `faces.${otherRole}`)) tasks.push('face');
  return tasks;
}

export async function invite(deps: EngineDeps, region: RegionId, input: ApplicationInput) {
  const { facts } = await preReview(
    deps,
    region,
    input,
    deps.clock.now(),
    new FamilyReads(deps.db, deps.familyBatches),
    'draft',
  );
  const otherRole: ParentRole = input.applicant.role === 'mother' ? 'father' : 'mother';
  const other = otherRole === 'mother' ? facts.mother : facts.father;
  const p = await preview(deps, region, input);
  const tasks = other ? tasksFor(p, otherRole) : [];
  if (!other || !tasks.length) {
    throw fieldError('CONFLICT', 'invitation', {
      zh: '本申请不需要另一方家长再做什么',
      en: 'the other parent has nothing to do for this application',
    });
  }
  const { signature: _signature, ...application } = input;
  const invitation: Invitation = {
    id: `I${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    motherIdNumber: facts.mother.idNumber,
    birthOrder: facts.baby.birthOrder,
    region,
    inviterIdNumber: input.applicant.idNumber,
    inviteeIdNumber: other.idNumber,
    inviteeRole: otherRole,
    tasks,
    formDigest: p.formDigest ?? '',
    application,
    createdAt: deps.clock.now().toISOString(),
  };
  const inviter = ROLE_LABELS[input.applicant.role];
  const what = {
    zh: tasks.map((t) => ({ sign: '签署申请表', face: '人脸识别', confirm: '人脸识别确认' })[t]).join('、'),
    en: tasks
      .map((t) => ({ sign: 'sign the form', face: 'verify your face', confirm: 'confirm with your face' })[t])
      .join(', '),
  };
  await deps.db.transaction(async (tx) => {
    await insertInvitation(tx, invitation);
    await tell(tx, other, `invitation:${invitation.id}`, deps.clock.now(), {
      title: { zh: '请您一同办理新生儿出生“一件事”', en: 'Your part in the newborn application' },
      text: {
        zh: `宝宝的${inviter.zh}邀请您在本人账号中${what.zh}，请登录后在首页处理`,
        en: `The baby's ${inviter.en.toLowerCase()} asks you to ${what.en} in your own login; see your home page`,
      },
    });
  });
  return { id: invitation.id, tasks, inviteeRole: otherRole, createdAt: invitation.createdAt };
}

/** The invitations a parent has received, with what is still to do in each. */
export async function myInvitations(deps: EngineDeps, idNumber: string) {
  const all = await invitationsFor(deps.db, idNumber);
  const out = [];
  for (const i of all) {
    const done = await doneTasks(deps.db, i);
    const open = i.tasks.filter((t) => !done.includes(t));
    if (!open.length) continue;
    const baby = i.application as ApplicationInput;
    out.push({
      id: i.id,
      region: i.region,
      from: i.inviteeRole === 'mother' ? ('father' as const) : ('mother' as const),
      babyName: `${baby.baby.surname}${baby.baby.givenName}`,
      tasks: i.tasks,
      open,
      createdAt: i.createdAt,
    });
    if (out.length >= 5) break;
  }
  return out;
}

async function doneTasks(q: Queryable, i: Invitation): Promise<InvitationTask[]> {
  const done: InvitationTask[] = [];
  if (
    (await coSignaturesOf(q, i.motherIdNumber, i.formDigest)).some(
      (s) => s.signerIdNumber === i.inviteeIdNumber,
    )
  ) {
    done.push('sign');
  }
  if ((await verifiedFaces(q, i.motherIdNumber)).has(i.inviteeIdNumber)) done.push('face');
  if (i.inviteeRole === 'father' && (await findFatherConfirmation(q, i.motherIdNumber, i.inviteeIdNumber)))
    done.push('confirm');
  return done;
}

/** The invitation, only for the parent it was sent to; anyone else is told it does not exist. */
async function mine(deps: EngineDeps, idNumber: string, id: string): Promise<Invitation> {
  const i = await findInvitation(deps.db, id);
  if (!i || i.inviteeIdNumber !== idNumber) {
    throw fieldError('NOT_FOUND', 'invitation', { zh: '没有这份邀请', en: 'no such invitation' });
  }
  return i;
}

/** The applicant's form as it stands now; it must still be the one the invitation was for. */
async function invitedForm(deps: EngineDeps, i: Invitation) {
  const input = {
    ...(i.application as ApplicationInput),
    applicant: { ...(i.application as ApplicationInput).applicant },
  };
  const p = await preview(deps, i.region as RegionId, input);
  if (!p.form || p.formDigest !== i.formDigest) {
    throw fieldError('CONFLICT', 'invitation', {
      zh: '对方在邀请您之后修改了申请，请让对方重新发送邀请',
      en: 'the application changed after you were invited; ask for a new invitation',
    });
  }
  return p;
}

export async function invitationPdf(deps: EngineDeps, idNumber: string, id: string): Promise<Buffer> {
  const i = await mine(deps, idNumber, id);
  const p = await invitedForm(deps, i);
  return renderApplicationForm({
    policy: getPolicy(i.region as RegionId),
    form: p.form!,
    formDigest: p.formDigest!,
    items: plannedItems(p.evaluation),
    promisedDeadline: promisedOf(p.evaluation),
  });
}

/** The invited parent signs the very form the applicant prepared, in their own login. */
export async function coSign(deps: EngineDeps, idNumber: string, id: string, png: Buffer) {
  const i = await mine(deps, idNumber, id);
  if (!i.tasks.includes('sign')) {
    throw fieldError('CONFLICT', 'coSignature', {
      zh: '这份邀请不需要您签名',
      en: 'this invitation asks for no signature',
    });
  }
  await invitedForm(deps, i);
  const signedAt = deps.clock.now().toISOString();
  const inviter = {
    idNumber: i.inviterIdNumber,
    phone:
      (await deps.shared.person(i.inviterIdNumber))?.phone ??
      (i.application as ApplicationInput).contact?.phone,
  };
  await deps.db.transaction(async (tx) => {
    await upsertCoSignature(tx, i.motherIdNumber, {
      signerIdNumber: idNumber,
      role: i.inviteeRole,
      formDigest: i.formDigest,
      imageSha256: createHash('sha256').update(png).digest('hex'),
      imagePng: png,
      signedAt,
    });
    const who = ROLE_LABELS[i.inviteeRole];
    await tell(tx, inviter, `co-signed:${i.id}:${signedAt}`, deps.clock.now(), {
      title: { zh: `${who.zh}已签名`, en: `${who.en} has signed` },
      text: {
        zh: '申请表已由双方签名，可以提交了',
        en: 'Both of you have signed the form; you can submit it now',
      },
    });
  });
  return { invitationId: i.id, signedAt };
}

/**
 * A notice to one parent, before any case exists: the inbox and, where a mobile number is known, an
 * SMS with the same words.
 */
async function tell(
  q: Queryable,
  to: { idNumber: string; phone?: string | undefined },
  key: string,
  at: Date,
  body: InboxMessage['body'],
): Promise<void> {
  await insertNotifications(
    q,
    [{ caseId: null, recipientIdNumber: to.idNumber, template: 'invitation', body }],
    at,
  );
  if (!to.phone) return;
  await enqueue(
    q,
    [
      {
        kind: 'notify',
        topic: 'sms',
        idempotencyKey: `sms:${key}`,
        caseId: null,
        payload: { to: to.phone, template: 'invitation', ...body },
      },
    ],
    at,
  );
}

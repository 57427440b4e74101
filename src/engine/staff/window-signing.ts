import { createHash, randomUUID } from 'node:crypto';
import { maskId } from '../../domain/citizen-id.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import { fieldError } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import { ROLE_LABELS } from '../../domain/labels.ts';
import type { CaseForm } from '../../departments/port.ts';
import { getPolicy } from '../../policies/index.ts';
import { coSignersRequired } from '../../policy/completeness.ts';
import { coSignaturesOf, latestInvitation, upsertCoSignature } from '../../store/invitation-store.ts';
import {
  insertSigningSession,
  insertWindowSignature,
  upsertWindowAuthorization,
  windowSignaturesOf,
  type SigningSession,
} from '../../store/window-store.ts';
import type { EngineDeps } from '../deps.ts';
import { preview, type Preview } from '../parent/apply.ts';
import { invite } from '../parent/invitations.ts';
import { upload } from '../parent/uploads.ts';
import type { StaffContext } from './work.ts';
import { beijingDay, windowPapersOf, type JointWindowPapers, type WindowLetter } from './window-papers.ts';
import {
  inputOf,
  noLetter,
  ownSession,
  refused,
  stillMissing,
  windowMissing,
  type WindowApplication,
} from './window-common.ts';

/**
 * The counter tablet: a session opened by the clerk's screen, what the tablet shows, and each
 * signature as it is given. The clerk's screen polls the session to see the signatures arrive.
 */

/** How long the tablet may sign a session: a counter's minutes, not a day. */
const SIGNING_MINUTES = 10;

/**
 * A signing session for the counter tablet: the letter (the mother), or the form (the mother, and
 * the father where the region has him sign and he is at the counter). The form's session fixes the
 * form's own paper as a material and binds the digest of the form that lists it.
 */
export async function startSigning(
  deps: EngineDeps,
  ctx: StaffContext,
  purpose: 'letter' | 'form',
  a: WindowApplication,
  o: { fatherPresent?: boolean } = {},
) {
  const region = ctx.organisation.region;
  const { input, papers } = await inputOf(deps, ctx, a);
  const first = await preview(deps, region, input);
  if (!first.form) throw refused();
  const birthOrder = a.baby.birthOrder ?? 1;
  const now = deps.clock.now();
  const base = {
    id: `T${randomUUID().replaceAll('-', '').slice(0, 23)}`,
    organisationId: ctx.organisation.id,
    staffId: ctx.staff.id,
    region,
    motherIdNumber: input.motherIdNumber,
    birthOrder,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGNING_MINUTES * 60_000).toISOString(),
  };
  let session: SigningSession;
  if (purpose === 'letter') {
    if (!papers) throw noLetter();
    const letter = letterOf(ctx, papers, first, birthOrder, beijingDay(now));
    session = {
      ...base,
      purpose,
      digest: digestOf(letter),
      summary: { kind: 'letter', letter },
      signers: ['mother'],
      producedUploads: {},
    };
  } else {
    const producedUploads: Record<string, string> = {};
    if (papers) {
      const paper = await papers.form(deps.shared, first.form, {
        items: first.evaluation.plan.map((i) => i.id),
      });
      producedUploads[papers.formMaterial] = (
        await upload(deps, input.motherIdNumber, papers.formMaterial, paper)
      ).uploadId;
    }
    const p = await preview(deps, region, { ...input, uploads: { ...input.uploads, ...producedUploads } });
    const missing = windowMissing(p, null);
    if (missing.length) throw stillMissing(missing);
    const fatherSigns = p.coSigners.some((c) => c.role === 'father' && !c.signedAt) && o.fatherPresent;
    session = {
      ...base,
      purpose,
      digest: p.formDigest!,
      summary: { kind: 'form', form: summaryOf(p.form!), items: p.evaluation.plan.map((i) => i.id) },
      signers: fatherSigns ? ['mother', 'father'] : ['mother'],
      producedUploads,
    };
  }
  await insertSigningSession(deps.db, session);
  return signingView(deps, session);
}

function letterOf(
  ctx: StaffContext,
  papers: JointWindowPapers,
  p: Preview,
  birthOrder: number,
  today: string,
): WindowLetter {
  const form = p.form!;
  return {
    grantor: { name: form.mother.name, idNumber: form.mother.idNumber },
    delivery: { date: beijingDay(form.baby.bornAt), hospital: form.baby.birthPlace.institutionName ?? '' },
    baby: { name: form.baby.name, sex: form.baby.sex === 'male' ? 'male' : 'female', birthOrder },
    grantee: { organisationId: ctx.organisation.id, hospital: ctx.organisation.name.zh },
    items: papers.items(p.evaluation.plan.map((i) => i.id)),
    period: { from: today },
  };
}

/** What the tablet shows in large type: no ID number in full, nothing the signer does not sign. */
function summaryOf(form: CaseForm) {
  const contact = form.contact as { phone?: string | null; mailingAddress?: unknown } | undefined;
  return {
    baby: { name: form.baby.name, sex: form.baby.sex, bornAt: form.baby.bornAt },
    institution: form.baby.birthPlace.institutionName ?? null,
    mother: form.mother.name,
    father: form.father?.name ?? null,
    registering: form.registering.role,
    hukouDivisionCode: form.registering.hukouDivisionCode,
    delivery: form.delivery ?? {},
    phone: contact?.phone ?? null,
    mailingAddress: contact?.mailingAddress ?? null,
  };
}

/** The letter is kept whole for printing; a screen (the tablet, the clerk's) shows its ID number masked. */
function onScreen(summary: SigningSession['summary']): SigningSession['summary'] {
  const letter = (summary as { letter?: WindowLetter }).letter;
  return letter
    ? {
        ...summary,
        letter: { ...letter, grantor: { ...letter.grantor, idNumber: maskId(letter.grantor.idNumber) } },
      }
    : summary;
}

async function signingView(deps: EngineDeps, s: SigningSession) {
  const signed = await windowSignaturesOf(deps.db, s.id);
  const complete = s.signers.every((r) => signed.some((x) => x.role === r));
  const ownLogin = await inOwnLogin(deps, s);
  return {
    id: s.id,
    purpose: s.purpose,
    summary: onScreen(s.summary),
    signers: s.signers,
    signed: signed.map((x) => ({ role: x.role, signedAt: x.signedAt })),
    /** Every signer named has signed on the tablet. */
    complete,
    /** Who co-signs this form in their own login instead (not at the counter): invited when, signed when. */
    ownLogin,
    /** The tablet's signatures and the co-signatures given in their own login: the form can be submitted. */
    ready: complete && ownLogin.every((o) => o.signedAt !== null),
    expiresAt: s.expiresAt,
    expired: deps.clock.now() >= new Date(s.expiresAt),
  };
}

/**
 * The co-signers of a form session who do not sign on the tablet (the father not at the counter):
 * whether the invitation for exactly this digest went out, and whether he signed it in his own login.
 */
async function inOwnLogin(deps: EngineDeps, s: SigningSession) {
  if (s.purpose !== 'form') return [];
  const hasFather = (s.summary as { form: { father: string | null } }).form.father !== null;
  const roles = coSignersRequired(getPolicy(s.region as RegionId), 'mother', hasFather).filter(
    (r) => !s.signers.includes(r),
  );
  if (!roles.length) return [];
  const signed = await coSignaturesOf(deps.db, s.motherIdNumber, s.digest);
  const invited = await latestInvitation(deps.db, s.motherIdNumber, s.birthOrder);
  return roles.map((role) => ({
    role,
    invitedAt: invited?.formDigest === s.digest && invited.inviteeRole === role ? invited.createdAt : null,
    signedAt: signed.find((x) => x.role === role)?.signedAt ?? null,
  }));
}

/**
 * The father is not at the counter: invite him to sign this very form in his own login, through the
 * parents' own invitation (the same digest, the window's produced papers included). Sent once; asked
 * again, the session is answered as it stands.
 */
export async function inviteToSign(deps: EngineDeps, ctx: StaffContext, id: string, a: WindowApplication) {
  const s = await ownSession(deps, ctx, id);
  const view = await signingView(deps, s);
  const absent = view.ownLogin.find((o) => o.signedAt === null);
  if (!absent) {
    throw fieldError('CONFLICT', 'invitation', {
      zh: '这份申请表不需要再请谁在本人手机上签名',
      en: 'nobody else has to sign this form on their own phone',
    });
  }
  if (absent.invitedAt) return view;
  const { input } = await inputOf(deps, ctx, a);
  const signed = { ...input, uploads: { ...input.uploads, ...s.producedUploads } };
  const p = await preview(deps, ctx.organisation.region, signed);
  if (p.formDigest !== s.digest) {
    throw fieldError('CONFLICT', 'invitation', {
      zh: '申请表在平板签名之后有改动，请重新在平板上签署申请表',
      en: 'the form changed after the tablet session began; sign the form on the tablet again',
    });
  }
  await invite(deps, ctx.organisation.region, signed);
  return signingView(deps, s);
}

export async function signingSession(deps: EngineDeps, ctx: StaffContext, id: string) {
  return signingView(deps, await ownSession(deps, ctx, id));
}

/**
 * A signature from the tablet. The letter's, once given, is the mother's authorization of the
 * hospital (kept whole, and as the letter material); the father's on the form is his co-signature
 * over the same digest, as if given in his own login.
 */
export async function sign(deps: EngineDeps, ctx: StaffContext, id: string, role: ParentRole, png: Buffer) {
  const s = await ownSession(deps, ctx, id);
  const now = deps.clock.now();
  if (now >= new Date(s.expiresAt)) {
    throw fieldError('CONFLICT', 'signingSession', {
      zh: `签名已超时（${SIGNING_MINUTES} 分钟），请在窗口重新发起`,
      en: `the signing session expired (${SIGNING_MINUTES} minutes); start it again at the window`,
    });
  }
  if (!s.signers.includes(role)) {
    throw fieldError('CONFLICT', 'signature', {
      zh: `这份文书不需要${ROLE_LABELS[role].zh}签名`,
      en: `this paper is not signed by the ${ROLE_LABELS[role].en.toLowerCase()}`,
    });
  }
  const signer = role === 'mother' ? s.motherIdNumber : await fatherOf(deps, s.motherIdNumber);
  const signature = {
    role,
    signerIdNumber: signer,
    imageSha256: createHash('sha256').update(png).digest('hex'),
    imagePng: png,
    signedAt: now.toISOString(),
  };
  // The signed letter is rendered and kept as an upload first (content-addressed, harmless if
  // unused); the signature and the authorization then commit together, so a clerk who sees the
  // signature arrive also finds the letter.
  const letter = s.purpose === 'letter' ? await signedLetter(deps, s, png, signature.signedAt) : null;
  await deps.db.transaction(async (tx) => {
    if (!(await insertWindowSignature(tx, s.id, signature))) return;
    if (letter) await upsertWindowAuthorization(tx, letter);
    if (s.purpose === 'form' && role === 'father') {
      await upsertCoSignature(tx, s.motherIdNumber, { ...signature, role, formDigest: s.digest });
    }
  });
  return signingView(deps, s);
}

async function signedLetter(deps: EngineDeps, s: SigningSession, png: Buffer, signedAt: string) {
  const papers = windowPapersOf(s.region as RegionId)!;
  const letter = (s.summary as { letter: WindowLetter }).letter;
  const pdf = await papers.letter(letter, { imagePng: png, signedOn: beijingDay(signedAt) });
  const { uploadId } = await upload(deps, s.motherIdNumber, papers.letterMaterial, pdf);
  return {
    motherIdNumber: s.motherIdNumber,
    birthOrder: s.birthOrder,
    organisationId: s.organisationId,
    staffId: s.staffId,
    letter: letter as unknown as Record<string, unknown>,
    letterDigest: s.digest,
    imageSha256: createHash('sha256').update(png).digest('hex'),
    imagePng: png,
    uploadId,
    signedAt,
  };
}

async function fatherOf(deps: EngineDeps, motherIdNumber: string): Promise<string> {
  const marriage = await deps.shared.marriageOf(motherIdNumber);
  const delivery = await deps.shared.deliveryRecordOf(motherIdNumber);
  const id = marriage?.wifeIdNumber === motherIdNumber ? marriage.husbandIdNumber : delivery?.fatherIdNumber;
  if (!id) throw fieldError('NOT_FOUND', 'father', { zh: '共享数据中没有父亲', en: 'no father on record' });
  return id;
}

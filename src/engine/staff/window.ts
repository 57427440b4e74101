import { createHash, randomUUID } from 'node:crypto';
import { digestOf } from '../../domain/canonical-json.ts';
import { AppError, fieldError, type FieldIssue } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import { ROLE_LABELS } from '../../domain/labels.ts';
import type { CaseForm } from '../../departments/port.ts';
import { findCaseByBaby, getCase, signaturesOf } from '../../store/case-store.ts';
import { babyKey } from '../../domain/baby.ts';
import { upsertCoSignature } from '../../store/invitation-store.ts';
import {
  findSigningSession,
  findWindowAuthorization,
  insertSigningSession,
  insertWindowSignature,
  recordWindowApplication,
  upsertWindowAuthorization,
  windowApplicationOf,
  windowSignaturesOf,
  type SigningSession,
} from '../../store/window-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { preview, submit, type Preview } from '../parent/apply.ts';
import { myCase, signedApplicationPdf } from '../parent/cases.ts';
import { upload } from '../parent/uploads.ts';
import type { StaffContext } from './work.ts';
import { beijingDay, windowPapersOf, type JointWindowPapers, type WindowLetter } from './window-papers.ts';

/**
 * 联办窗口: a hospital clerk applies for the mother at the counter, for a mother who delivered in
 * this hospital only. The mother is the applicant, as in her own app; the case goes through the same
 * `submit`, so it runs like any other and she follows it in her own login. She (and the father,
 * where the region has him sign) signs on the counter tablet, in sessions bound to the digest signed.
 *
 * Where the region's window is the hospital authorized by a letter (Tongchuan 002 附件3), she first
 * signs the letter; the signed letter becomes the material the form lists, so her signature on the
 * form covers it. Elsewhere the window is the fallback for a family that cannot apply on a phone:
 * the clerk fills in the form and the mother signs it herself; no letter is needed.
 */

/** How long the tablet may sign a session: a counter's minutes, not a day. */
const SIGNING_MINUTES = 10;

/** What the clerk sends: the application as the parent's app sends it, for the mother. */
export type WindowApplication = Omit<ApplicationInput, 'applicant' | 'signature' | 'motherAuthorization'>;

const notHere = () =>
  fieldError('NOT_FOUND', 'motherIdNumber', {
    zh: '本院没有这位母亲的分娩记录，只能为在本院分娩的母亲办理',
    en: 'this hospital has no delivery record for her; the window serves mothers who gave birth here',
  });

/** The window is a hospital's, for the deliveries in it; anyone else is told there is no such mother. */
async function ownDelivery(deps: EngineDeps, ctx: StaffContext, motherIdNumber: string) {
  const org = ctx.organisation;
  if (org.department !== 'midwifery-institution' || !org.institution) throw notHere();
  const delivery = await deps.shared.deliveryRecordOf(motherIdNumber.toUpperCase());
  if (!delivery || delivery.institutionName !== org.institution) throw notHere();
  return delivery;
}

/** The family at the counter: the mother, the father, and each baby of the delivery with its case. */
export async function lookUp(deps: EngineDeps, ctx: StaffContext, motherIdNumber: string) {
  const delivery = await ownDelivery(deps, ctx, motherIdNumber);
  const mother = (await deps.shared.person(delivery.motherIdNumber))!;
  const marriage = await deps.shared.marriageOf(mother.idNumber);
  const fatherId =
    marriage?.wifeIdNumber === mother.idNumber ? marriage.husbandIdNumber : delivery.fatherIdNumber;
  const father = fatherId ? await deps.shared.person(fatherId) : null;
  const region = ctx.organisation.region;
  const papers = windowPapersOf(region);
  const babies = [];
  for (const b of delivery.babies) {
    const existing = await findCaseByBaby(deps.db, babyKey(mother.idNumber, b.bornAt, b.birthOrder));
    const letter = papers
      ? await findWindowAuthorization(deps.db, mother.idNumber, b.birthOrder, ctx.organisation.id)
      : null;
    babies.push({
      birthOrder: b.birthOrder,
      sex: b.sex,
      bornAt: b.bornAt,
      caseId: existing?.id ?? null,
      letterSignedAt: letter?.signedAt ?? null,
    });
  }
  return {
    region,
    hospital: ctx.organisation.name,
    mother: { name: mother.name, idNumber: mother.idNumber, phone: mother.phone ?? null },
    father: father && { name: father.name },
    hukouDivisionCode: mother.hukou?.divisionCode ?? null,
    babies,
    /** Whether the mother authorizes the hospital with the region's letter before the form. */
    letter: papers !== null,
  };
}

export interface WindowPreview extends Preview {
  /** Materials the window produces itself (the signed letter, the form's own paper), not scanned. */
  produced: { material: string; ready: boolean }[];
  letterSignedAt: string | null;
}

/**
 * The application as the engine sees it: the mother applies; the letter she signed for this baby,
 * if its name still matches, is the letter material.
 */
async function inputOf(deps: EngineDeps, ctx: StaffContext, a: WindowApplication) {
  const delivery = await ownDelivery(deps, ctx, a.motherIdNumber);
  const papers = windowPapersOf(ctx.organisation.region);
  const input: ApplicationInput = {
    ...a,
    motherIdNumber: delivery.motherIdNumber,
    applicant: { role: 'mother', idNumber: delivery.motherIdNumber },
    uploads: { ...a.uploads },
  };
  const letter = papers
    ? await findWindowAuthorization(
        deps.db,
        input.motherIdNumber,
        a.baby.birthOrder ?? 1,
        ctx.organisation.id,
      )
    : null;
  const current =
    letter && (letter.letter as unknown as WindowLetter).baby.name === `${a.baby.surname}${a.baby.givenName}`;
  if (papers) {
    delete input.uploads![papers.letterMaterial];
    delete input.uploads![papers.formMaterial];
    if (current) input.uploads![papers.letterMaterial] = letter.uploadId;
  }
  return { input, papers, letter: current ? letter : null };
}

/** What the window still needs, less what the window itself produces and the tablet signs. */
function windowMissing(p: Preview, papers: JointWindowPapers | null): FieldIssue[] {
  const produced = papers ? [papers.letterMaterial, papers.formMaterial].map((m) => `uploads.${m}`) : [];
  return p.missing.filter((m) => !produced.includes(m.field) && m.field !== 'signature.others');
}

export async function windowPreview(
  deps: EngineDeps,
  ctx: StaffContext,
  a: WindowApplication,
): Promise<WindowPreview> {
  const { input, papers, letter } = await inputOf(deps, ctx, a);
  const p = await preview(deps, ctx.organisation.region, input);
  return {
    ...p,
    missing: windowMissing(p, papers),
    produced: papers
      ? [
          { material: papers.letterMaterial, ready: letter !== null },
          { material: papers.formMaterial, ready: false },
        ]
      : [],
    letterSignedAt: letter?.signedAt ?? null,
  };
}

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
        await upload(deps, input.motherIdNumber, papers.formMaterial, 'application/pdf', paper)
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

/** A session of this counter's organisation; another's is not found. */
async function ownSession(deps: EngineDeps, ctx: StaffContext, id: string) {
  const s = await findSigningSession(deps.db, id);
  if (!s || s.organisationId !== ctx.organisation.id) {
    throw fieldError('NOT_FOUND', 'signingSession', {
      zh: '没有这个签名任务，请在窗口重新发起',
      en: 'no such signing session; start it again at the window',
    });
  }
  return s;
}

async function signingView(deps: EngineDeps, s: SigningSession) {
  const signed = await windowSignaturesOf(deps.db, s.id);
  return {
    id: s.id,
    purpose: s.purpose,
    summary: s.summary,
    signers: s.signers,
    signed: signed.map((x) => ({ role: x.role, signedAt: x.signedAt })),
    complete: s.signers.every((r) => signed.some((x) => x.role === r)),
    expiresAt: s.expiresAt,
    expired: deps.clock.now() >= new Date(s.expiresAt),
  };
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
  await deps.db.transaction(async (tx) => {
    if (!(await insertWindowSignature(tx, s.id, signature))) return;
    if (s.purpose === 'form' && role === 'father') {
      await upsertCoSignature(tx, s.motherIdNumber, { ...signature, role, formDigest: s.digest });
    }
  });
  if (s.purpose === 'letter') await recordLetter(deps, s, png, signature.signedAt);
  return signingView(deps, s);
}

async function recordLetter(deps: EngineDeps, s: SigningSession, png: Buffer, signedAt: string) {
  const papers = windowPapersOf(s.region as RegionId)!;
  const letter = (s.summary as { letter: WindowLetter }).letter;
  const pdf = await papers.letter(letter, { imagePng: png, signedOn: beijingDay(signedAt) });
  const { uploadId } = await upload(deps, s.motherIdNumber, papers.letterMaterial, 'application/pdf', pdf);
  await upsertWindowAuthorization(deps.db, {
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
  });
}

async function fatherOf(deps: EngineDeps, motherIdNumber: string): Promise<string> {
  const marriage = await deps.shared.marriageOf(motherIdNumber);
  const delivery = await deps.shared.deliveryRecordOf(motherIdNumber);
  const id = marriage?.wifeIdNumber === motherIdNumber ? marriage.husbandIdNumber : delivery?.fatherIdNumber;
  if (!id) throw fieldError('NOT_FOUND', 'father', { zh: '共享数据中没有父亲', en: 'no father on record' });
  return id;
}

/**
 * Submit at the window: the same `submit` as the parent's, with the mother's signature from the
 * tablet. Idempotent by the window's client transaction id (scoped to the organisation), so an
 * application queued through an outage and sent twice makes one case.
 */
export async function submitAtWindow(
  deps: EngineDeps,
  ctx: StaffContext,
  clientTxnId: string,
  a: WindowApplication,
  signingSessionId: string,
) {
  const s = await ownSession(deps, ctx, signingSessionId);
  const signed = await windowSignaturesOf(deps.db, s.id);
  const mother = signed.find((x) => x.role === 'mother');
  if (s.purpose !== 'form' || !mother) {
    throw fieldError('CONFLICT', 'signature', {
      zh: '母亲尚未在平板上签署申请表',
      en: 'the mother has not signed the form on the tablet yet',
    });
  }
  const { input } = await inputOf(deps, ctx, a);
  const txn = `window:${ctx.organisation.id}:${clientTxnId}`;
  const result = await submit(deps, ctx.organisation.region, txn, {
    ...input,
    uploads: { ...input.uploads, ...s.producedUploads },
    signature: { formDigest: s.digest, imagePng: mother.imagePng },
  });
  if (result.accepted) {
    await recordWindowApplication(deps.db, {
      caseId: result.caseId,
      organisationId: ctx.organisation.id,
      staffId: ctx.staff.id,
      clientTxnId,
      signingSessionId: s.id,
      appliedAt: deps.clock.now().toISOString(),
    });
  }
  return result;
}

export type WindowPaper = 'form' | 'authorization' | 'receipt';

/** A paper of a case applied for at this organisation's window, filled from the case. */
export async function windowPaper(deps: EngineDeps, ctx: StaffContext, caseId: string, paper: WindowPaper) {
  const applied = await windowApplicationOf(deps.db, caseId);
  if (!applied || applied.organisationId !== ctx.organisation.id) {
    throw fieldError('NOT_FOUND', 'caseId', {
      zh: `本窗口没有受理办件 ${caseId}`,
      en: `this window did not take case ${caseId}`,
    });
  }
  const state = await getCase(deps.db, caseId);
  const papers = windowPapersOf(state.region);
  const form = state.form as CaseForm;
  if (!papers) {
    if (paper !== 'form') throw noLetter();
    return signedApplicationPdf(deps, caseId, state.applicant.idNumber);
  }
  const day = beijingDay(state.submittedAt);
  if (paper === 'receipt') return papers.receipt(form, { caseId, date: day });
  if (paper === 'authorization') {
    const session = applied.signingSessionId && (await findSigningSession(deps.db, applied.signingSessionId));
    const letter =
      session &&
      (await findWindowAuthorization(deps.db, state.motherIdNumber, session.birthOrder, ctx.organisation.id));
    if (!letter) throw noLetter();
    return papers.letter(letter.letter as unknown as WindowLetter, {
      imagePng: letter.imagePng,
      signedOn: beijingDay(letter.signedAt),
    });
  }
  const signatures = await signaturesOf(deps.db, caseId);
  const by = (id: string | undefined) => signatures.find((x) => x.signerIdNumber === id)?.imagePng;
  return papers.form(deps.shared, form, {
    items: Object.keys(state.items) as never,
    caseId,
    appliedOn: day,
    signatures: {
      ...(by(form.mother.idNumber) ? { mother: by(form.mother.idNumber)! } : {}),
      ...(form.father && by(form.father.idNumber) ? { father: by(form.father.idNumber)! } : {}),
    },
  });
}

/** For the parent's own app: which window the case was applied for at, if any. */
export async function appliedAt(deps: EngineDeps, caseId: string, idNumber: string) {
  await myCase(deps, caseId, idNumber);
  const w = await windowApplicationOf(deps.db, caseId);
  return { window: w && { organisation: w.organisationName, appliedAt: w.appliedAt } };
}

const refused = () =>
  fieldError('CONFLICT', 'applicant', {
    zh: '预审未通过，没有可签署的申请表',
    en: 'the pre-review refused the application; there is no form to sign',
  });

const noLetter = () =>
  fieldError('NOT_FOUND', 'paper', {
    zh: '本地区的窗口没有这份文书，使用通用申请表',
    en: "this region's window has no such paper; it uses the general application form",
  });

function stillMissing(missing: FieldIssue[]) {
  return new AppError(
    'INVALID_INPUT',
    {
      zh: `申请还缺少：${missing.map((m) => m.message.zh).join('；')}`,
      en: `The application still lacks: ${missing.map((m) => m.message.en).join('; ')}`,
    },
    { field: missing[0]!.field, issues: missing },
  );
}

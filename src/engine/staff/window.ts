import { fieldError } from '../../domain/error.ts';
import { findCaseByBaby } from '../../store/case-lookup-store.ts';
import { getCase } from '../../store/case-store.ts';
import { signaturesOf } from '../../store/signature-store.ts';
import { babyKey } from '../../domain/baby.ts';
import type { CaseForm } from '../../departments/port.ts';
import {
  findSigningSession,
  findWindowAuthorization,
  recordWindowApplication,
  windowApplicationOf,
  windowSignaturesOf,
} from '../../store/window-store.ts';
import { logAccess } from '../../store/staff-store.ts';
import type { EngineDeps } from '../deps.ts';
import { preview, type Preview } from '../parent/apply.ts';
import type { Submit } from '../parent/submissions.ts';
import { myCase, signedApplicationPdf } from '../parent/cases.ts';
import type { StaffContext } from './work.ts';
import { beijingDay, windowPapersOf, type WindowLetter } from './window-papers.ts';
import {
  inputOf,
  noLetter,
  ownDelivery,
  ownSession,
  windowMissing,
  type WindowApplication,
} from './window-common.ts';

export type { WindowApplication } from './window-common.ts';
export { inviteToSign, sign, signingSession, startSigning } from './window-signing.ts';

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
 * Submit at the window: the same `submit` as the parent's, with the mother's signature from the
 * tablet. Idempotent by the window's client transaction id (scoped to the organisation), so an
 * application queued through an outage and sent twice makes one case.
 */
export async function submitAtWindow(
  deps: EngineDeps,
  submit: Submit,
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
  const result = await submit(ctx.organisation.region, txn, {
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
  // Printing a paper filled from the case is a read of the family's data, like opening a task.
  await logAccess(deps.db, {
    caseId,
    item: 'window',
    staffId: ctx.staff.id,
    organisationId: ctx.organisation.id,
    fields: [
      { form: 'signed-form', authorization: 'window-authorization', receipt: 'window-receipt' }[paper],
    ],
    at: deps.clock.now(),
  });
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

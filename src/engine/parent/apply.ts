import { createHash } from 'node:crypto';
import { digestOf } from '../../domain/canonical-json.ts';
import type { CaseSubmission, CaseTerms, PlannedCaseItem } from '../../domain/case.ts';
import * as commands from '../../domain/case-commands.ts';
import { AppError, fieldError, type FieldIssue } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import type { SlaMeasure } from '../../domain/sla-clock.ts';
import type { CaseForm } from '../../departments/port.ts';
import { renderApplicationForm } from '../../documents/application-form.ts';
import { getPolicy } from '../../policies/index.ts';
import { coSignersRequired } from '../../policy/completeness.ts';
import type { Evaluation } from '../../policy/evaluate.ts';
import type { Facts } from '../../policy/facts.ts';
import type { Sla } from '../../policy/schema.ts';
import {
  findCaseByBaby,
  findCaseIdByClientTxn,
  isDuplicateBaby,
  lockFamily,
} from '../../store/case-store.ts';
import { insertSignatures } from '../../store/signature-store.ts';
import type { Queryable } from '../../store/db.ts';
import { deleteDraft } from '../../store/draft-store.ts';
import { recordDecidedFacts } from '../../store/whatif-store.ts';
import { coSignaturesOf } from '../../store/invitation-store.ts';
import { commit } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';
import { buildForm } from '../form.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { completeness, preReview, secondCase } from './pre-review.ts';

/** A parent's application: the pre-review of a draft, and the submission of the signed form. */

export interface CoSigner {
  role: ParentRole;
  name: string;
  /** When they signed this very form in their own login; null until they have. */
  signedAt: string | null;
}

export interface Preview {
  evaluation: Evaluation;
  /** The one form the applicant reviews and signs; null when the family is refused. */
  form: CaseForm | null;
  formDigest: string | null;
  /** What must still be added before submitting (uploads, address, phone, face checks, co-signatures). */
  missing: FieldIssue[];
  /** Who signs besides the applicant, each in their own login, and whether they have. */
  coSigners: CoSigner[];
}

export type SubmitResult =
  | { accepted: true; caseId: string; duplicate: boolean; evaluation: Evaluation | null }
  | { accepted: false; evaluation: Evaluation };

/**
 * A draft's pre-review: what submitting now would decide, and the one form with the digest the
 * applicant signs. Creates nothing.
 */
export async function preview(deps: EngineDeps, region: RegionId, input: ApplicationInput): Promise<Preview> {
  const { facts, evaluation } = await preReview(deps, region, input, deps.clock.now(), deps.db, 'draft');
  if (!evaluation.eligible) return { evaluation, form: null, formDigest: null, missing: [], coSigners: [] };
  const { extras, missing } = await completeness(region, input, facts, evaluation, deps.db);
  const form = buildForm(facts, evaluation, extras);
  const formDigest = digestOf(form);
  const coSigners = await coSignersOf(deps.db, region, input, facts, formDigest);
  for (const c of coSigners.filter((s) => !s.signedAt)) missing.push(coSignatureMissing(c.role));
  return { evaluation, form, formDigest, missing, coSigners };
}

/** The one form as a PDF, for review before signing. */
export async function draftPdf(deps: EngineDeps, region: RegionId, input: ApplicationInput): Promise<Buffer> {
  const p = await preview(deps, region, input);
  if (!p.form || !p.formDigest) {
    throw fieldError('CONFLICT', 'applicant', {
      zh: '预审未通过，没有可签署的申请表',
      en: 'the pre-review refused the application; there is no form to sign',
    });
  }
  return renderApplicationForm({
    policy: getPolicy(region),
    form: p.form,
    formDigest: p.formDigest,
    items: plannedItems(p.evaluation),
    promisedDeadline: promisedOf(p.evaluation),
  });
}

/**
 * One application: pre-review against the shared data, then the case, its first dispatches and
 * notices. The pre-review and the insert run in one transaction under a lock on the mother, and the
 * store refuses a second case for the same baby, so two servers cannot both accept one baby.
 */
export async function submit(
  deps: EngineDeps,
  region: RegionId,
  clientTxnId: string,
  input: ApplicationInput,
): Promise<SubmitResult> {
  const { db, clock, calendar } = deps;
  const applicantId = input.applicant.idNumber;
  const policy = getPolicy(region);
  try {
    return await db.transaction(async (tx): Promise<SubmitResult> => {
      // A repeated submission (a double tap, a retry) is found here, under the family's lock.
      await lockFamily(tx, input.motherIdNumber);
      const known = await findCaseIdByClientTxn(tx, applicantId, clientTxnId);
      if (known) return { accepted: true, caseId: known, duplicate: true, evaluation: null };
      const at = clock.now();
      const { facts, evaluation, babyKey } = await preReview(deps, region, input, at, tx, 'submission');
      if (!evaluation.eligible) return { accepted: false, evaluation };
      const { extras, missing } = await completeness(region, input, facts, evaluation, tx);
      if (missing.length) throw stillMissing(missing);

      const form = buildForm(facts, evaluation, extras);
      const signature = await signatureOf(
        tx,
        input,
        form,
        at,
        await coSignersOf(tx, region, input, facts, digestOf(form)),
      );
      const caseId = deps.newCaseId(clientTxnId);
      const registering = facts.choices.followParent === 'mother' ? facts.mother : facts.father;
      const submission: CaseSubmission = {
        region,
        scenario: evaluation.scenario.id,
        applicant: input.applicant,
        motherIdNumber: facts.mother.idNumber,
        fatherIdNumber: facts.father?.idNumber ?? null,
        babyKey,
        babyName: `${facts.baby.surname}${facts.baby.givenName}`,
        homeDivisionCode:
          registering?.hukou?.divisionCode ??
          facts.mother.hukou?.divisionCode ??
          facts.baby.birthPlace.divisionCode,
        items: planned(policy, evaluation),
        promisedDeadline: promisedOf(evaluation),
        terms: termsOf(policy, evaluation),
        form,
        signature: signature?.recorded ?? null,
      };
      const events = commands.submit(caseId, submission, at, calendar);
      const create = {
        region,
        clientTxnId,
        motherIdNumber: facts.mother.idNumber,
        applicantIdNumber: applicantId,
      };
      await commit(tx, [{ caseId, before: null, events, create }], at, deps.chain);
      // What the case was decided on, for replaying it under a changed policy (supervisor/whatif).
      await recordDecidedFacts(tx, { caseId, region, submittedAt: at, facts });
      if (signature) await insertSignatures(tx, caseId, signature.images);
      await deleteDraft(tx, facts.mother.idNumber, facts.baby.birthOrder);
      return { accepted: true, caseId, duplicate: false, evaluation };
    });
  } catch (e) {
    // The same client id committed by another server between our check and our insert.
    const again = await findCaseIdByClientTxn(db, applicantId, clientTxnId);
    if (again) return { accepted: true, caseId: again, duplicate: true, evaluation: null };
    if (isDuplicateBaby(e)) {
      // Another server accepted this baby first: name the case it made.
      const { babyKey } = await preReview(deps, region, input, clock.now(), db, 'draft').catch(() => ({
        babyKey: '',
      }));
      const existing = babyKey ? await findCaseByBaby(db, babyKey) : null;
      if (existing) throw secondCase(existing);
    }
    throw e;
  }
}

/** The plan as the case keeps it: each item with its limit, delivery and the deadline the family signed. */
function planned(policy: ReturnType<typeof getPolicy>, evaluation: Evaluation): PlannedCaseItem[] {
  return evaluation.plan.map((p) => {
    const sla = policy.items.find((i) => i.id === p.id)!.sla;
    const chosen = p.delivery?.options.find((m) => m.kind === p.delivery?.chosen);
    const later = evaluation.materials.filter(
      (m) => m.source === 'upload-later' && m.forItems.includes(p.id),
    );
    return {
      id: p.id,
      department: p.department,
      dependsOn: p.dependsOn,
      sla: sla ? slaMeasure(sla) : null,
      delivery: p.delivery?.chosen ?? null,
      inboundParcel: chosen?.kind === 'mail' && chosen.twoWay,
      plannedDeadline:
        p.deadline.status === 'scheduled' && p.deadline.basis === 'own-limit' ? p.deadline.at : null,
      ...(later.length ? { laterMaterials: later.map((m) => m.id) } : {}),
      ...(p.handOff
        ? {
            handOff: {
              platform: p.handOff.platform,
              province: p.handOff.province.prefix,
              provinceName: p.handOff.province.name,
            },
          }
        : {}),
    };
  });
}

/** The region's terms the case keeps: supplements, pauses, the family's deadlines and services. */
function termsOf(policy: ReturnType<typeof getPolicy>, evaluation: Evaluation): CaseTerms {
  const planned = new Set(evaluation.plan.map((p) => p.id));
  return {
    supplements: policy.supplements.offered,
    pausesFor: policy.slaPauses?.excludes ?? [],
    familyDeadlines: policy.familyDeadlines
      .filter((f) => planned.has(f.after))
      .map(({ citation: _c, ...f }) => f),
    services: evaluation.services.map(({ id, name, department }) => ({ id, name, department })),
  };
}

/**
 * The plan's items as the PDF prints them: each item's own deadline, the same the plan and the case
 * show; one bounded only by the case's promise prints the promise once instead.
 */
export function plannedItems(evaluation: Evaluation) {
  return evaluation.plan.map((i) => ({
    id: i.id,
    department: i.department,
    deadline: i.deadline.status === 'scheduled' && i.deadline.basis === 'own-limit' ? i.deadline.at : null,
  }));
}

export function promisedOf(evaluation: Evaluation): string | null {
  return evaluation.deadlines.promised?.status === 'scheduled' ? evaluation.deadlines.promised.at : null;
}

function stillMissing(missing: FieldIssue[]): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      zh: `申请还缺少：${missing.map((m) => m.message.zh).join('；')}`,
      en: `The application still lacks: ${missing.map((m) => m.message.en).join('; ')}`,
    },
    { field: missing[0]!.field, issues: missing },
  );
}

function coSignatureMissing(role: ParentRole): FieldIssue {
  const who = role === 'mother' ? { zh: '母亲', en: 'the mother' } : { zh: '父亲', en: 'the father' };
  return {
    field: 'signature.others',
    message: {
      zh: `另一方家长的签名：本地区申请表需${who.zh}在本人账号中一同签名`,
      en: `The other parent's signature: this region's form is also signed by ${who.en}, in their own login`,
    },
  };
}

/** Who else signs this form, and whether they have signed exactly this digest in their own login. */
async function coSignersOf(
  q: Queryable,
  region: RegionId,
  input: ApplicationInput,
  facts: Facts,
  formDigest: string,
): Promise<CoSigner[]> {
  const roles = coSignersRequired(getPolicy(region), input.applicant.role, facts.father !== null);
  if (!roles.length) return [];
  const signed = await coSignaturesOf(q, facts.mother.idNumber, formDigest);
  return roles.map((role) => {
    const person = (role === 'mother' ? facts.mother : facts.father)!;
    const s = signed.find((x) => x.signerIdNumber === person.idNumber && x.role === role);
    return { role, name: person.name, signedAt: s?.signedAt ?? null };
  });
}

/** The policy's limit without its citation: what the case carries into its events. */
function slaMeasure(sla: Sla): SlaMeasure {
  return sla.unit === 'on-the-spot' ? { unit: sla.unit } : { unit: sla.unit, value: sla.value };
}

const sha256 = (png: Buffer) => createHash('sha256').update(png).digest('hex');

/**
 * The signature binds the exact form reviewed: if anything the form is built from changed since
 * (the registries, the choices), the digest differs and the applicant must review and sign again.
 * The other parent's signature is the one they gave in their own login over the same digest.
 */
async function signatureOf(
  q: Queryable,
  input: ApplicationInput,
  form: CaseForm,
  at: Date,
  coSigners: CoSigner[],
) {
  if (!input.signature) return null;
  const formDigest = digestOf(form);
  if (input.signature.formDigest !== formDigest) {
    throw fieldError('CONFLICT', 'signature.formDigest', {
      zh: '签名后表单内容已变化，请重新核对并签名',
      en: 'the form changed after it was signed; review it and sign again',
    });
  }
  const unsigned = coSigners.find((c) => !c.signedAt);
  if (unsigned) throw stillMissing([coSignatureMissing(unsigned.role)]);
  const mother = typeof form.mother.idNumber === 'string' ? form.mother.idNumber : '';
  const others = coSigners.length ? await coSignaturesOf(q, mother, formDigest) : [];
  const own = {
    signerIdNumber: input.applicant.idNumber,
    formDigest,
    imageSha256: sha256(input.signature.imagePng),
    imagePng: input.signature.imagePng,
    signedAt: at.toISOString(),
  };
  const theirs = coSigners.map((c) => others.find((o) => o.role === c.role)!);
  return {
    recorded: {
      signerIdNumber: own.signerIdNumber,
      formDigest,
      imageSha256: own.imageSha256,
      signedAt: own.signedAt,
      ...(theirs.length
        ? {
            coSigners: theirs.map((t) => ({
              role: t.role,
              idNumber: t.signerIdNumber,
              imageSha256: t.imageSha256,
            })),
          }
        : {}),
    },
    images: [
      own,
      ...theirs.map((t) => ({
        signerIdNumber: t.signerIdNumber,
        formDigest,
        imageSha256: t.imageSha256,
        imagePng: t.imagePng,
        signedAt: t.signedAt,
      })),
    ],
  };
}

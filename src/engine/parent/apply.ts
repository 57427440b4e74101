import { createHash } from 'node:crypto';
import { digestOf } from '../../domain/canonical-json.ts';
import type { CaseSubmission, PlannedCaseItem } from '../../domain/case.ts';
import * as commands from '../../domain/case-commands.ts';
import { AppError, type FieldIssue } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import type { SlaMeasure } from '../../domain/sla-clock.ts';
import type { CaseForm } from '../../departments/port.ts';
import { renderApplicationForm } from '../../documents/application-form.ts';
import { getPolicy } from '../../policies/index.ts';
import { coSignersRequired } from '../../policy/completeness.ts';
import type { Evaluation } from '../../policy/evaluate.ts';
import type { Sla } from '../../policy/schema.ts';
import { findCaseIdByClientTxn, insertSignatures, lockFamily } from '../../store/case-store.ts';
import { commit } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';
import { buildForm } from '../form.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { completeness, preReview } from './pre-review.ts';

/** A parent's application: the pre-review of a draft, and the submission of the signed form. */

export interface Preview {
  evaluation: Evaluation;
  /** The one form the applicant reviews and signs; null when the family is refused. */
  form: CaseForm | null;
  formDigest: string | null;
  /** What must still be added before submitting (uploads, address, phone, face checks). */
  missing: FieldIssue[];
  /** Who signs besides the applicant. */
  coSigners: ParentRole[];
}

export type SubmitResult =
  | { accepted: true; caseId: string; duplicate: boolean; evaluation: Evaluation | null }
  | { accepted: false; evaluation: Evaluation };

/**
 * A draft's pre-review: what submitting now would decide, and the one form with the digest the
 * applicant signs. Creates nothing.
 */
export async function preview(deps: EngineDeps, region: RegionId, input: ApplicationInput): Promise<Preview> {
  const { facts, evaluation } = await preReview(deps, region, input, deps.clock.now(), deps.db);
  if (!evaluation.eligible) return { evaluation, form: null, formDigest: null, missing: [], coSigners: [] };
  const { extras, missing } = await completeness(region, input, facts, evaluation, deps.db);
  const form = buildForm(facts, evaluation, extras);
  return {
    evaluation,
    form,
    formDigest: digestOf(form),
    missing,
    coSigners: coSignersRequired(getPolicy(region), input.applicant.role, facts.father !== null),
  };
}

/** The one form as a PDF, for review before signing. */
export async function draftPdf(deps: EngineDeps, region: RegionId, input: ApplicationInput): Promise<Buffer> {
  const p = await preview(deps, region, input);
  if (!p.form || !p.formDigest) {
    throw new AppError(
      'CONFLICT',
      {
        zh: 'application：预审未通过，没有可签署的申请表',
        en: 'application: the pre-review refused it; there is no form to sign',
      },
      { field: 'application' },
    );
  }
  return renderApplicationForm({
    policy: getPolicy(region),
    form: p.form,
    formDigest: p.formDigest,
    items: p.evaluation.plan.map((i) => ({
      id: i.id,
      department: i.department,
      deadline: i.deadline.status === 'scheduled' ? i.deadline.at : null,
    })),
  });
}

/**
 * One application: pre-review against the shared data, then the case, its first dispatches and
 * notices. The pre-review and the insert run in one transaction under a lock on the mother, so
 * two servers cannot both find "no earlier application" for the same baby.
 */
export async function submit(
  deps: EngineDeps,
  region: RegionId,
  clientTxnId: string,
  input: ApplicationInput,
): Promise<SubmitResult> {
  const { db, clock, calendar } = deps;
  const applicantId = input.applicant.idNumber;
  const known = await findCaseIdByClientTxn(db, applicantId, clientTxnId);
  if (known) return { accepted: true, caseId: known, duplicate: true, evaluation: null };

  const policy = getPolicy(region);
  try {
    return await db.transaction(async (tx): Promise<SubmitResult> => {
      await lockFamily(tx, input.motherIdNumber);
      const raced = await findCaseIdByClientTxn(tx, applicantId, clientTxnId);
      if (raced) return { accepted: true, caseId: raced, duplicate: true, evaluation: null };
      const at = clock.now();
      const { facts, evaluation } = await preReview(deps, region, input, at, tx);
      if (!evaluation.eligible) return { accepted: false, evaluation };
      const { extras, missing } = await completeness(region, input, facts, evaluation, tx);
      if (missing.length) {
        throw new AppError(
          'INVALID_INPUT',
          {
            zh: `申请还缺少：${missing.map((m) => m.message.zh).join('；')}`,
            en: `The application still lacks: ${missing.map((m) => m.message.en).join('; ')}`,
          },
          { field: missing[0]!.field, issues: missing },
        );
      }

      const form = buildForm(facts, evaluation, extras);
      const coSigners = coSignersRequired(policy, input.applicant.role, facts.father !== null).map(
        (role) => ({
          role,
          idNumber: (role === 'mother' ? facts.mother : facts.father)!.idNumber,
        }),
      );
      const signature = checkSignature(input, form, at, coSigners);
      const caseId = deps.newCaseId();
      const items: PlannedCaseItem[] = evaluation.plan.map((p) => {
        const sla = policy.items.find((i) => i.id === p.id)!.sla;
        const chosen = p.delivery?.options.find((m) => m.kind === p.delivery?.chosen);
        return {
          id: p.id,
          department: p.department,
          dependsOn: p.dependsOn,
          sla: sla ? slaMeasure(sla) : null,
          delivery: p.delivery?.chosen ?? null,
          inboundParcel: chosen?.kind === 'mail' && chosen.twoWay,
        };
      });
      const promised = evaluation.deadlines.promised;
      const registering = facts.choices.followParent === 'mother' ? facts.mother : facts.father;
      const events = commands.submit(
        caseId,
        {
          region,
          scenario: evaluation.scenario.id,
          applicant: input.applicant,
          motherIdNumber: facts.mother.idNumber,
          babyName: `${facts.baby.surname}${facts.baby.givenName}`,
          homeDivisionCode:
            registering?.hukou?.divisionCode ??
            facts.mother.hukou?.divisionCode ??
            facts.baby.birthPlace.divisionCode,
          items,
          promisedDeadline: promised?.status === 'scheduled' ? promised.at : null,
          form,
          signature,
        },
        at,
        calendar,
      );
      const create = {
        region,
        clientTxnId,
        motherIdNumber: facts.mother.idNumber,
        applicantIdNumber: applicantId,
      };
      await commit(tx, [{ caseId, before: null, events, create }], at);
      if (signature && input.signature) {
        const images = [
          { id: signature.signerIdNumber, png: input.signature.imagePng },
          ...(signature.coSigners ?? []).map((c) => ({
            id: c.idNumber,
            png: input.signature!.others!.find((o) => o.role === c.role)!.imagePng,
          })),
        ];
        await insertSignatures(
          tx,
          caseId,
          images.map((image) => ({
            signerIdNumber: image.id,
            formDigest: signature.formDigest,
            imageSha256: sha256(image.png),
            imagePng: image.png,
            signedAt: signature.signedAt,
          })),
        );
      }
      return { accepted: true, caseId, duplicate: false, evaluation };
    });
  } catch (e) {
    // The same client id committed by another server between our check and our insert.
    const again = await findCaseIdByClientTxn(db, applicantId, clientTxnId);
    if (again) return { accepted: true, caseId: again, duplicate: true, evaluation: null };
    throw e;
  }
}

/** The policy's limit without its citation: what the case carries into its events. */
function slaMeasure(sla: Sla): SlaMeasure {
  return sla.unit === 'on-the-spot' ? { unit: sla.unit } : { unit: sla.unit, value: sla.value };
}

const sha256 = (png: Buffer) => createHash('sha256').update(png).digest('hex');

/**
 * The signature binds the exact form reviewed: if anything the form is built from changed since
 * (the registries, the choices), the digest differs and the applicant must review and sign again.
 */
function checkSignature(
  input: ApplicationInput,
  form: CaseForm,
  at: Date,
  coSigners: { role: ParentRole; idNumber: string }[],
): CaseSubmission['signature'] {
  if (!input.signature) return null;
  const formDigest = digestOf(form);
  if (input.signature.formDigest !== formDigest) {
    throw new AppError(
      'CONFLICT',
      {
        zh: 'signature.formDigest：签名后表单内容已变化，请重新核对并签名',
        en: 'signature.formDigest: the form changed after it was signed; review it and sign again',
      },
      { field: 'signature.formDigest' },
    );
  }
  const others = input.signature.others ?? [];
  const missing = coSigners.filter((c) => !others.some((o) => o.role === c.role));
  const extra = others.filter((o) => !coSigners.some((c) => c.role === o.role));
  if (missing.length || extra.length) {
    const who = (r: ParentRole) =>
      r === 'mother' ? { zh: '母亲', en: 'the mother' } : { zh: '父亲', en: 'the father' };
    const [zh, en] = missing.length
      ? [
          `本地区申请表需由${missing.map((m) => who(m.role).zh).join('、')}一同签名`,
          `this region's form is also signed by ${missing.map((m) => who(m.role).en).join(' and ')}`,
        ]
      : [
          `不需要${extra.map((o) => who(o.role).zh).join('、')}签名`,
          `no signature of ${extra.map((o) => who(o.role).en).join(' or ')} is asked for`,
        ];
    throw new AppError(
      'INVALID_INPUT',
      { zh: `signature.others：${zh}`, en: `signature.others: ${en}` },
      {
        field: 'signature.others',
      },
    );
  }
  return {
    signerIdNumber: input.applicant.idNumber,
    formDigest,
    imageSha256: sha256(input.signature.imagePng),
    signedAt: at.toISOString(),
    ...(coSigners.length
      ? {
          coSigners: coSigners.map((c) => ({
            ...c,
            imageSha256: sha256(others.find((o) => o.role === c.role)!.imagePng),
          })),
        }
      : {}),
  };
}

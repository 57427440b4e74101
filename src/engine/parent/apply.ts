import { createHash } from 'node:crypto';
import { digestOf } from '../../domain/canonical-json.ts';
import type { CaseTerms, PlannedCaseItem } from '../../domain/case.ts';
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
import type { EngineDeps } from '../deps.ts';
import { buildForm } from '../form.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { FamilyReads } from './family-reads.ts';
import { completeness, preReview } from './pre-review.ts';

/** A parent's application: the pre-review of a draft, and what a submission is made of (submissions.ts writes it). */

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

/**
 * A draft's pre-review: what submitting now would decide, and the one form with the digest the
 * applicant signs. Creates nothing.
 */
export async function preview(deps: EngineDeps, region: RegionId, input: ApplicationInput): Promise<Preview> {
  const reads = new FamilyReads(deps.db, deps.familyBatches);
  const { facts, evaluation } = await preReview(deps, region, input, deps.clock.now(), reads, 'draft');
  if (!evaluation.eligible) return { evaluation, form: null, formDigest: null, missing: [], coSigners: [] };
  const { extras, missing } = await completeness(region, input, facts, evaluation, reads);
  const form = buildForm(facts, evaluation, extras);
  const formDigest = digestOf(form);
  const coSigners = await coSignersOf(reads, region, input, facts, formDigest);
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

/** The plan as the case keeps it: each item with its limit, delivery and the deadline the family signed. */
export function planned(policy: ReturnType<typeof getPolicy>, evaluation: Evaluation): PlannedCaseItem[] {
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
export function termsOf(policy: ReturnType<typeof getPolicy>, evaluation: Evaluation): CaseTerms {
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

export function stillMissing(missing: FieldIssue[]): AppError {
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
export async function coSignersOf(
  reads: FamilyReads,
  region: RegionId,
  input: ApplicationInput,
  facts: Facts,
  formDigest: string,
): Promise<CoSigner[]> {
  const roles = coSignersRequired(getPolicy(region), input.applicant.role, facts.father !== null);
  if (!roles.length) return [];
  const signed = await reads.coSignatures(facts.mother.idNumber, formDigest);
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
export async function signatureOf(
  reads: FamilyReads,
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
  const others = coSigners.length ? await reads.coSignatures(mother, formDigest) : [];
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

import { AppError, type FieldIssue } from '../../domain/error.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import { getPolicy } from '../../policies/index.ts';
import { missingForSubmission } from '../../policy/completeness.ts';
import { evaluate, type Evaluation } from '../../policy/evaluate.ts';
import type { Facts } from '../../policy/facts.ts';
import { hasCaseSince } from '../../store/case-store.ts';
import type { Queryable } from '../../store/db.ts';
import { findAuthorization, findFatherConfirmation, verifiedFaces } from '../../store/family-store.ts';
import { findUploads } from '../../store/upload-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { FormExtras } from '../form.ts';
import { gatherFacts, type ApplicationInput } from '../gather-facts.ts';

/**
 * 智能预审: the facts from the registries and the platform's own records, and what the region's
 * policy decides from them. `q` is the transaction to read in, when the caller holds one.
 */
export async function preReview(
  deps: EngineDeps,
  region: RegionId,
  input: ApplicationInput,
  at: Date,
  q: Queryable,
) {
  const facts = await gatherFacts(deps.shared, input, {
    priorApplication: (bornAt) => hasCaseSince(q, input.motherIdNumber, bornAt),
    authorization: (motherId, applicantId) => findAuthorization(q, motherId, applicantId),
    fatherConfirmation: async (motherId, fatherId) => {
      const c = await findFatherConfirmation(q, motherId, fatherId);
      return c && { confirmedAt: c.confirmedAt, faceVerified: true };
    },
  });
  return { facts, evaluation: evaluate({ policy: getPolicy(region), facts, at, calendar: deps.calendar }) };
}

/** The uploads, contact and face checks behind an application, and what it still lacks. */
export async function completeness(
  region: RegionId,
  input: ApplicationInput,
  facts: Facts,
  evaluation: Evaluation,
  q: Queryable,
): Promise<{ extras: FormExtras; missing: FieldIssue[] }> {
  const wanted = Object.entries(input.uploads ?? {});
  const rows = await findUploads(
    q,
    input.applicant.idNumber,
    wanted.map(([, id]) => id),
  );
  const uploads = wanted.flatMap(([material, id]) =>
    rows
      .filter((r) => r.id === id && r.material === material)
      .map((r) => ({ material, sha256: r.sha256, mime: r.mime })),
  );
  const unknown = wanted.filter(([material]) => !uploads.some((u) => u.material === material));
  if (unknown.length) {
    const field = `uploads.${unknown[0]![0]}`;
    throw new AppError(
      'INVALID_INPUT',
      {
        zh: `${field}：没有找到您上传的这个文件，请重新上传`,
        en: `${field}: no such upload of yours; upload the file again`,
      },
      { field },
    );
  }
  const parents = new Map<ParentRole, string>([
    ['mother', facts.mother.idNumber],
    ...(facts.father ? [['father', facts.father.idNumber] as [ParentRole, string]] : []),
  ]);
  const faces = await verifiedFaces(q, facts.mother.idNumber);
  const applicant = input.applicant.role === 'mother' ? facts.mother : facts.father;
  const extras: FormExtras = {
    contact: {
      phone: applicant?.phone ?? input.contact?.phone ?? null,
      mailingAddress: input.contact?.mailingAddress ?? null,
    },
    uploads,
  };
  const missing = missingForSubmission(getPolicy(region), evaluation, {
    uploads: new Set(uploads.map((u) => u.material)),
    mailingAddress: extras.contact.mailingAddress,
    phone: extras.contact.phone,
    facesVerified: new Set([...parents].filter(([, id]) => faces.has(id)).map(([role]) => role)),
    parents: new Set(parents.keys()),
  });
  return { extras, missing };
}

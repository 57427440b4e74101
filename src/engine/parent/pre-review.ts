import { babyKey } from '../../domain/baby.ts';
import { AppError, fieldError, type FieldIssue } from '../../domain/error.ts';
import { formatInstant } from '../../domain/local-date.ts';
import { babyNameProblem, nameLength, namePartProblem, nameProblemText } from '../../domain/person-name.ts';
import type { ParentRole, RegionId } from '../../domain/ids.ts';
import { getPolicy } from '../../policies/index.ts';
import { missingForSubmission } from '../../policy/completeness.ts';
import { evaluate, type Evaluation } from '../../policy/evaluate.ts';
import type { Facts } from '../../policy/facts.ts';
import type { EngineDeps } from '../deps.ts';
import type { FamilyReads } from './family-reads.ts';
import type { FormExtras } from '../form.ts';
import { gatherFacts, type ApplicationInput } from '../gather-facts.ts';

/**
 * 智能预审: the facts from the registries and the platform's own records, and what the region's
 * policy decides from them. `reads` reads in the caller's transaction, when it holds one.
 */
export async function preReview(
  deps: EngineDeps,
  region: RegionId,
  input: ApplicationInput,
  at: Date,
  reads: FamilyReads,
  purpose: 'draft' | 'submission',
) {
  checkBabyName(input.baby, deps.settings.nameMaxLength, purpose);
  // The facts ask whether the baby has a case, and the one-case rule asks again: reads keeps the answer.
  const facts = await gatherFacts(deps.shared, input, {
    priorApplication: async (bornAt, order) =>
      (await reads.caseOfBaby(babyKey(input.motherIdNumber, bornAt, order))) !== null,
    authorization: (motherId, applicantId) => reads.authorization(motherId, applicantId),
    fatherConfirmation: async (motherId, fatherId) => {
      const c = await reads.fatherConfirmation(motherId, fatherId);
      return c && { confirmedAt: c.confirmedAt, faceVerified: true };
    },
  });
  const key = babyKey(facts.mother.idNumber, facts.baby.bornAt, facts.baby.birthOrder);
  const existing = await reads.caseOfBaby(key);
  if (existing) throw secondCase(existing);
  return {
    facts,
    babyKey: key,
    evaluation: evaluate({ policy: getPolicy(region), facts, at, calendar: deps.calendar }),
  };
}

/**
 * The police register what the name rule allows, never a cut-short name. A draft may still lack a
 * name (some regions' rules speak of it); a submission may not.
 */
function checkBabyName(baby: ApplicationInput['baby'], maxLength: number, purpose: 'draft' | 'submission') {
  const surname = baby.surname.trim();
  const givenName = baby.givenName.trim();
  if (purpose === 'draft' && (!surname || !givenName) && nameLength(surname + givenName) <= maxLength) {
    const typed = [surname, givenName].filter(Boolean);
    if (typed.every((part) => !namePartProblem(part))) return;
  }
  const problem = babyNameProblem(surname, givenName, maxLength);
  if (problem) {
    throw fieldError('INVALID_INPUT', `baby.${problem.part}`, nameProblemText(problem.problem, maxLength));
  }
}

/** One baby, one case: a second application is refused, naming the case the baby already has. */
export function secondCase(existing: { id: string; submittedAt: string }): AppError {
  return fieldError(
    'CONFLICT',
    'baby',
    {
      zh: `这名新生儿已有办件 ${existing.id}（${formatInstant(existing.submittedAt)} 提交），不能重复申请，请在“我的办件”中查看`,
      en: `this baby already has case ${existing.id} (submitted ${formatInstant(existing.submittedAt)}); it cannot be applied for twice — see My cases`,
    },
    { existingCaseId: existing.id },
  );
}

/** The uploads, contact and face checks behind an application, and what it still lacks. */
export async function completeness(
  region: RegionId,
  input: ApplicationInput,
  facts: Facts,
  evaluation: Evaluation,
  reads: FamilyReads,
): Promise<{ extras: FormExtras; missing: FieldIssue[] }> {
  const wanted = Object.entries(input.uploads ?? {});
  const rows = wanted.length
    ? await reads.uploads(
        input.applicant.idNumber,
        wanted.map(([, id]) => id),
      )
    : [];
  const uploads = wanted.flatMap(([material, id]) =>
    rows
      .filter((r) => r.id === id && r.material === material)
      .map((r) => ({ material, sha256: r.sha256, mime: r.mime })),
  );
  // In material order, whatever order they came in: the form, and so its digest, must not depend on it.
  uploads.sort((a, b) => (a.material < b.material ? -1 : a.material > b.material ? 1 : 0));
  const unknown = wanted.filter(([material]) => !uploads.some((u) => u.material === material));
  if (unknown.length) {
    const material = unknown[0]![0];
    const name = getPolicy(region).materials.find((m) => m.id === material)?.name ?? null;
    throw fieldError(
      'INVALID_INPUT',
      `uploads.${material}`,
      { zh: '没有找到您上传的这个文件，请重新上传', en: 'no such upload of yours; upload the file again' },
      {},
      name,
    );
  }
  const parents = new Map<ParentRole, string>([
    ['mother', facts.mother.idNumber],
    ...(facts.father ? [['father', facts.father.idNumber] as [ParentRole, string]] : []),
  ]);
  const faces = await reads.verifiedFaces(facts.mother.idNumber);
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

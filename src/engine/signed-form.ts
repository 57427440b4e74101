import { digestOf } from '../domain/canonical-json.ts';
import type { CaseState } from '../domain/case.ts';
import type { CaseForm } from '../departments/port.ts';
import { renderApplicationForm } from '../documents/application-form.ts';
import { getPolicy } from '../policies/index.ts';
import { signaturesOf } from '../store/signature-store.ts';
import type { EngineDeps } from './deps.ts';

/**
 * The submitted form as a PDF, with every signature over its digest: what the family signed, as
 * the family and every department that opens the case read it.
 */
export async function signedFormPdf(deps: EngineDeps, state: CaseState): Promise<Buffer> {
  const stored = await signaturesOf(deps.db, state.id);
  const form = state.form as CaseForm;
  const applicant = state.signature?.signerIdNumber;
  const role =
    applicant === form.mother.idNumber ? '（母亲）' : applicant === form.father?.idNumber ? '（父亲）' : '';
  const signers = [
    { id: applicant, label: `申请人${role}签名` },
    ...(state.signature?.coSigners ?? []).map((c) => ({
      id: c.idNumber,
      label: c.role === 'mother' ? '母亲签名' : '父亲签名',
    })),
  ];
  return renderApplicationForm({
    policy: getPolicy(state.region),
    form,
    formDigest: state.signature?.formDigest ?? digestOf(state.form),
    caseId: state.id,
    // The deadlines of the plan the family signed: the same the case page shows.
    items: Object.values(state.items).map((i) => ({
      id: i.id,
      department: i.department,
      deadline: i.sla ? (i.plannedDeadline ?? i.deadline) : null,
    })),
    promisedDeadline: state.promisedDeadline,
    signatures: signers.flatMap((s) =>
      stored
        .filter((r) => r.signerIdNumber === s.id)
        .map((r) => ({ label: s.label, imagePng: r.imagePng, signedAt: r.signedAt })),
    ),
  });
}

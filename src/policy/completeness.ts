import type { FieldIssue } from '../domain/error.ts';
import { isWithin } from '../domain/division.ts';
import type { ParentRole } from '../domain/ids.ts';
import type { Evaluation } from './evaluate.ts';
import type { Policy } from './schema.ts';

/**
 * What an eligible application still lacks before it can be signed and submitted: the uploads the
 * shared data cannot supply, a mailing address when anything is mailed, a phone for the SMS
 * notices, and the face checks the region asks for. A draft may lack them (pre-review lists them);
 * a submission may not. Pure: the engine looks up what was uploaded and verified and passes it in.
 */
export interface Supplied {
  /** Material id → an upload the applicant owns. */
  uploads: ReadonlySet<string>;
  mailingAddress: { divisionCode: string; detail: string } | null;
  /** From the registry or typed by the applicant. */
  phone: string | null;
  /** Roles whose face was verified for this family. */
  facesVerified: ReadonlySet<ParentRole>;
  /** The roles the family has, so a missing father is not asked to verify his face. */
  parents: ReadonlySet<ParentRole>;
}

export function missingForSubmission(
  policy: Policy,
  evaluation: Evaluation,
  supplied: Supplied,
): FieldIssue[] {
  if (!evaluation.eligible) return [];
  const issues: FieldIssue[] = [];
  for (const m of evaluation.materials) {
    if (m.source === 'upload' && !supplied.uploads.has(m.id)) {
      issues.push({
        field: `uploads.${m.id}`,
        message: {
          zh: `uploads.${m.id}：请上传“${m.name.zh}”（共享数据中没有）`,
          en: `uploads.${m.id}: upload “${m.name.en}” (the shared data does not hold it)`,
        },
      });
    }
  }
  const mailed = evaluation.plan.filter((p) => p.delivery?.chosen === 'mail');
  const address = supplied.mailingAddress;
  if (mailed.length && !address) {
    issues.push({
      field: 'contact.mailingAddress',
      message: {
        zh: 'contact.mailingAddress：选择了邮寄，请填写收件地址',
        en: 'contact.mailingAddress: something is to be mailed; enter the address',
      },
    });
  }
  const within = policy.recipient?.mailWithin;
  if (mailed.length && address && within && !isWithin(address.divisionCode, within)) {
    issues.push({
      field: 'contact.mailingAddress.divisionCode',
      message: {
        zh: `contact.mailingAddress.divisionCode：本地区只邮寄到辖区内（${policy.recipient!.citation.file} ${policy.recipient!.citation.clause}）`,
        en: `contact.mailingAddress.divisionCode: this region mails only within its own area (${policy.recipient!.citation.file} ${policy.recipient!.citation.clause})`,
      },
    });
  }
  if (!supplied.phone) {
    issues.push({
      field: 'contact.phone',
      message: {
        zh: 'contact.phone：请填写手机号码，用于接收办理进度短信',
        en: 'contact.phone: enter a mobile number for the progress SMS',
      },
    });
  }
  // The father who confirms in his own login verifies his face there (Anhui), not here.
  const here = policy.applicants.faceVerification.filter(
    (r) => !(r === 'father' && policy.applicants.fatherConfirms) && supplied.parents.has(r),
  );
  for (const role of here) {
    if (!supplied.facesVerified.has(role)) {
      const who = role === 'mother' ? { zh: '母亲', en: "the mother's" } : { zh: '父亲', en: "the father's" };
      issues.push({
        field: `faces.${role}`,
        message: {
          zh: `faces.${role}：请完成${who.zh}人脸识别（${policy.applicants.citation.file} ${policy.applicants.citation.clause}）`,
          en: `faces.${role}: verify ${who.en} face (${policy.applicants.citation.file} ${policy.applicants.citation.clause})`,
        },
      });
    }
  }
  return issues;
}

/**
 * Who signs the form besides the applicant, on the same device (Gansu 001 附件2, Sichuan 002 附件1:
 * both parents sign the commitment). Anhui's father signs by confirming in his own login instead.
 */
export function coSignersRequired(policy: Policy, applicant: ParentRole, hasFather: boolean): ParentRole[] {
  const roles = new Set(policy.applicants.signatures.map((s) => (s === 'applicant' ? applicant : s)));
  roles.delete(applicant);
  if (policy.applicants.fatherConfirms || !hasFather) roles.delete('father');
  return [...roles];
}

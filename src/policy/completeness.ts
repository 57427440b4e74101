import type { FieldIssue } from '../domain/error.ts';
import { isWithin } from '../domain/division.ts';
import type { ParentRole } from '../domain/ids.ts';
import type { Evaluation } from './evaluate.ts';
import type { Policy } from './schema.ts';
import { citationText } from './citation-text.ts';

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
          zh: `${m.name.zh}：请上传（共享数据中没有）`,
          en: `${m.name.en}: upload it (the shared data does not hold it)`,
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
        zh: '收件地址：选择了邮寄，请填写收件地址',
        en: 'Mailing address: something is to be mailed; enter the address',
      },
    });
  }
  const within = policy.recipient?.mailWithin;
  if (mailed.length && address && within && !isWithin(address.divisionCode, within)) {
    issues.push({
      field: 'contact.mailingAddress.divisionCode',
      message: {
        zh: `收件地址所在区县：本地区只邮寄到辖区内（${citationText(policy, policy.recipient!.citation)}）`,
        en: `County of the mailing address: this region mails only within its own area (${citationText(policy, policy.recipient!.citation)})`,
      },
    });
  }
  if (!supplied.phone) {
    issues.push({
      field: 'contact.phone',
      message: {
        zh: '手机号码：请填写，用于接收办理进度短信',
        en: 'Mobile number: enter one for the progress SMS',
      },
    });
  }
  // The father who confirms in his own login verifies his face there (Anhui), not here.
  const here = policy.applicants.faceVerification.filter(
    (r) => !(r === 'father' && policy.applicants.fatherConfirms) && supplied.parents.has(r),
  );
  for (const role of here) {
    if (!supplied.facesVerified.has(role)) {
      const who = role === 'mother' ? { zh: '母亲', en: "Mother's" } : { zh: '父亲', en: "Father's" };
      issues.push({
        field: `faces.${role}`,
        message: {
          zh: `${who.zh}人脸识别：请${who.zh}在本人账号中完成（${citationText(policy, policy.applicants.citation)}）`,
          en: `${who.en} face verification: to be done in that parent's own login (${citationText(policy, policy.applicants.citation)})`,
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

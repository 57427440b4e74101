import { createHash } from 'node:crypto';
import { digestOf } from '../../domain/canonical-json.ts';
import { fieldError } from '../../domain/error.ts';
import type { ParentRole } from '../../domain/ids.ts';
import {
  upsertAuthorization,
  upsertFaceVerification,
  upsertFatherConfirmation,
} from '../../store/family-store.ts';
import type { EngineDeps } from '../deps.ts';
import { familyOf } from '../gather-facts.ts';

/**
 * What each parent does in their own login: the mother's authorization letter (Fujian), the
 * father's confirmation (Anhui), and face checks during the application.
 */

/**
 * The mother authorizes the father to apply (授权委托书, 003 附件3), signing in her own login.
 * The letter's system-filled fields come from the registries; its digest is what she signs.
 */
/** What the mother types about the grantee on the letter (003 附件3 "用户填写"). */
export interface GranteeTyped {
  name: string;
  idNumber: string;
  phone: string;
}

export async function authorize(
  deps: EngineDeps,
  motherIdNumber: string,
  signaturePng: Buffer,
  typed: GranteeTyped,
) {
  const { shared, db, clock } = deps;
  const mother = await shared.person(motherIdNumber);
  const marriage = await shared.marriageOf(motherIdNumber);
  const father =
    marriage?.wifeIdNumber === motherIdNumber ? await shared.person(marriage.husbandIdNumber) : null;
  if (!mother || !father) {
    throw fieldError('NOT_FOUND', 'grantee', {
      zh: '共享数据中没有查到您的配偶，无法授权',
      en: 'the shared data shows no spouse to authorize',
    });
  }
  // The grantee is typed, not prefilled; for now only the baby's father may be one (附件2 一(三)).
  if (typed.idNumber.toUpperCase() !== father.idNumber) {
    throw fieldError('INVALID_INPUT', 'grantee.idNumber', {
      zh: '受委托人暂时仅限新生儿父亲，请填写配偶的身份证号',
      en: "for now only the baby's father may be authorized; type your husband's ID number",
    });
  }
  if (typed.name.trim() !== father.name) {
    throw fieldError('INVALID_INPUT', 'grantee.name', {
      zh: '与身份证号对应的姓名不一致，请核对',
      en: 'does not match the name on record for that ID number',
    });
  }
  const at = clock.now().toISOString();
  const letter = {
    grantor: { name: mother.name, idNumber: mother.idNumber },
    grantee: { name: father.name, idNumber: father.idNumber, phone: typed.phone, role: 'father' },
    signedAt: at,
  };
  const letterDigest = digestOf(letter);
  await upsertAuthorization(db, {
    motherIdNumber: mother.idNumber,
    granteeIdNumber: father.idNumber,
    letterDigest,
    imageSha256: createHash('sha256').update(signaturePng).digest('hex'),
    imagePng: signaturePng,
    signedAt: at,
  });
  return {
    grantee: { role: 'father' as const, name: father.name, idNumber: father.idNumber },
    letterDigest,
    signedAt: at,
  };
}

/**
 * The father confirms the application in his own login, after face verification (Anhui 附件2
 * 二 1). Only a confirmation whose face check passed is recorded.
 */
export async function confirmFather(deps: EngineDeps, fatherIdNumber: string, photoPng: Buffer) {
  const marriage = await deps.shared.marriageOf(fatherIdNumber);
  if (!marriage || marriage.husbandIdNumber !== fatherIdNumber) {
    throw fieldError('NOT_FOUND', 'applicant', {
      zh: '共享数据中没有查到您的婚姻登记，无法确认',
      en: 'the shared data shows no marriage for you to confirm',
    });
  }
  const score = await faceScore(deps, fatherIdNumber, photoPng);
  const at = deps.clock.now().toISOString();
  await upsertFatherConfirmation(deps.db, {
    motherIdNumber: marriage.wifeIdNumber,
    fatherIdNumber,
    faceScore: score,
    confirmedAt: at,
  });
  return { motherIdNumber: marriage.wifeIdNumber, confirmedAt: at };
}

/**
 * 人脸识别 during the application, for the parents the region names (Zibo: both). Each parent
 * verifies their own face in their own login; the other parent is invited to do so on their phone.
 * Only a passed check is recorded.
 */
export async function verifyFace(deps: EngineDeps, idNumber: string, role: ParentRole, photoPng: Buffer) {
  const family = await familyOf(deps.shared, idNumber);
  if (!family?.role || !family.mother) {
    throw fieldError('NOT_FOUND', 'role', {
      zh: '共享数据中没有查到您的新生儿家庭',
      en: "the shared data shows no newborn's family of yours",
    });
  }
  if (family.role !== role) {
    throw fieldError('CONFLICT', `faces.${role}`, {
      zh: '人脸识别须由本人在本人账号中完成，请邀请另一方家长在其手机上操作',
      en: 'each parent verifies their own face in their own login; invite the other parent to do it on their phone',
    });
  }
  const score = await faceScore(deps, idNumber, photoPng);
  const at = deps.clock.now().toISOString();
  await upsertFaceVerification(deps.db, {
    motherIdNumber: family.mother.idNumber,
    personIdNumber: idNumber,
    score,
    verifiedAt: at,
  });
  return { role, verifiedAt: at, score };
}

/** 人脸识别 through the provider: the score of a passed check; a failed one is refused, never recorded. */
async function faceScore(deps: EngineDeps, idNumber: string, photoPng: Buffer): Promise<number> {
  const face = await deps.faces.verify(idNumber, photoPng);
  if (!face.verified) {
    throw fieldError('UNAUTHORIZED', 'face', {
      zh: '人脸识别未通过，请重新拍摄',
      en: 'face verification failed; please try again',
    });
  }
  return face.score;
}

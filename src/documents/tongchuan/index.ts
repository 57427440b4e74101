/** The papers of Tongchuan's joint window in the hospital (002 附件1–3). */
export {
  renderJointApplicationForm,
  JOINT_FORM_TITLE,
  type JointApplicationFormData,
  type JointFormParent,
} from './joint-application-form.ts';
export {
  renderAuthorizationLetter,
  AUTHORIZATION_LETTER_TITLE,
  type AuthorizationLetterData,
  type SignatureBlock,
} from './authorization-letter.ts';
export {
  renderMaterialsReceipt,
  MATERIALS_RECEIPT_TITLE,
  RECEIPT_MATERIALS,
  type MaterialsReceiptData,
  type ReceiptMaterial,
} from './materials-receipt.ts';
export { JOINT_ITEMS, type JointItem } from './items.ts';

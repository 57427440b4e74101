import type { ItemId } from '../../domain/ids.ts';

/**
 * The items Tongchuan's joint window handles for the family (002 二(二)), by the policy's item ids.
 * The premium is paid by the family (二(四)4, 附件4), so no form of the window lists it.
 */
export type JointItem = Extract<
  ItemId,
  | 'birth-certificate'
  | 'vaccination-certificate'
  | 'hukou-registration'
  | 'insurance-enrollment'
  | 'social-security-card'
>;

export const JOINT_ITEMS: readonly JointItem[] = [
  'birth-certificate',
  'vaccination-certificate',
  'hukou-registration',
  'insurance-enrollment',
  'social-security-card',
];

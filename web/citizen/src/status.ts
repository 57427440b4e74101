import { CASE_STATUS_LABELS, ITEM_STATUS_LABELS } from '../../../src/domain/labels.ts';
import type { Bilingual } from './i18n.tsx';

export * from '../../../src/domain/labels.ts';

/** Status colours, one place. They meet 4.5:1 on white with white text. */
const COLOURS: Record<string, string> = {
  waiting: '#595959',
  dispatched: '#0b57d0',
  'supplement-requested': '#ad4e00',
  'payment-due': '#ad4e00',
  done: '#00703c',
  rejected: '#b00020',
  cancelled: '#595959',
  'in-progress': '#0b57d0',
  completed: '#00703c',
  'partly-completed': '#ad4e00',
};

export const ITEM_STATUS: Record<string, { text: Bilingual; color: string }> = Object.fromEntries(
  Object.entries(ITEM_STATUS_LABELS).map(([k, text]) => [k, { text, color: COLOURS[k]! }]),
);
export const CASE_STATUS: Record<string, { text: Bilingual; color: string }> = Object.fromEntries(
  Object.entries(CASE_STATUS_LABELS).map(([k, text]) => [k, { text, color: COLOURS[k]! }]),
);

import type { ReactNode } from 'react';
import type { Bilingual } from '../../../citizen/src/i18n.tsx';
import { Dashboard } from './Dashboard.tsx';
import { Overdue } from './Overdue.tsx';

/**
 * The supervision app's pages, under `/supervision/…` in the staff app. Each engineer adds an entry
 * here for a page of their own; `hidden` pages are routed but not in the menu.
 */
export interface SupervisionPage {
  /** Relative to `/supervision/` ('' is the first page). */
  path: string;
  label: Bilingual;
  element: ReactNode;
  hidden?: boolean;
}

export const SUPERVISION_PAGES: SupervisionPage[] = [
  { path: 'dashboard', label: { zh: '监察看板', en: 'Dashboard' }, element: <Dashboard /> },
  { path: 'overdue', label: { zh: '超期与临期', en: 'Overdue and due soon' }, element: <Overdue /> },
];

import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import type { Bilingual } from '../../../citizen/src/i18n.tsx';
import { Dashboard } from './Dashboard.tsx';
import { Deliveries } from './Deliveries.tsx';
import { Efficiency } from './Efficiency.tsx';
import { Funnel } from './Funnel.tsx';
import { WhatIf } from './WhatIf.tsx';

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
  { path: 'efficiency', label: { zh: '联办效能', en: 'Efficiency' }, element: <Efficiency /> },
  { path: 'funnel', label: { zh: '免申即办', en: 'Proactive invitations' }, element: <Funnel /> },
  { path: 'whatif', label: { zh: '政策推演', en: 'Policy what-if' }, element: <WhatIf /> },
  { path: 'deliveries', label: { zh: '推送投递', en: 'Push deliveries' }, element: <Deliveries /> },
  // The dashboard leads with the overdue and due-soon lists; the old address still reaches them.
  {
    path: 'overdue',
    label: { zh: '超期与临期', en: 'Overdue and due soon' },
    element: <Navigate to="/supervision/dashboard" replace />,
    hidden: true,
  },
];

import type { Bilingual } from '../../../citizen/src/i18n.tsx';

/** A dashboard table as the server sends it: labelled columns, cells as numbers, text or labels. */
export type Cell = string | number | Bilingual | null;
export interface DashboardTable {
  id: string;
  title: Bilingual;
  columns: { key: string; label: Bilingual; kind?: 'time' | 'percent' }[];
  rows: Record<string, Cell>[];
}
export interface DashboardData {
  measuredAgainst: Bilingual[];
  tables: DashboardTable[];
}

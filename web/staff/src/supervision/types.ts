/** A dashboard table as the server sends it: the types of the schemas the route declares (src/contract/). */
export type {
  Cell,
  Dashboard as DashboardData,
  DashboardTable,
} from '../../../../src/contract/supervision.ts';

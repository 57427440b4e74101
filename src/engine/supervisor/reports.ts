import type { RegionId } from '../../domain/ids.ts';
import { overdueItems, regionOverview } from '../../store/report-store.ts';
import type { EngineDeps } from '../deps.ts';

/** 办件监察: what a supervisor of a region sees. Scoping to the supervisor's regions is the caller's. */

export const overview = (deps: EngineDeps, region: RegionId) => regionOverview(deps.db, region);

export const overdue = (deps: EngineDeps, region: RegionId) => overdueItems(deps.db, region);

import {
  builtInArrangements,
  officialCalendar,
  parseArrangements,
  type CalendarCoverage,
  type OfficialCalendar,
} from '../../calendar/official-calendar.ts';
import type { Calendar } from '../../domain/calendar.ts';
import type { Clock } from '../../domain/clock.ts';
import { recountDeadlines, type NotRecounted } from '../../domain/deadline-recount.ts';
import type { SlaMeasure } from '../../domain/sla-clock.ts';
import type { RegionId } from '../../domain/ids.ts';
import { POLICIES } from '../../policies/index.ts';
import type { Sla } from '../../policy/schema.ts';
import { arrangementsVersion, insertArrangements, listArrangements } from '../../store/calendar-store.ts';
import { loadCasesForUpdate, loadEvents, openCaseIds, type CaseAppend } from '../../store/case-store.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { BATCH, commit, type Written } from '../commit.ts';

/**
 * The working-day calendar as an operator keeps it: the State Council's arrangement for a year is
 * loaded into the store when it is published, every server counts with it from then on, and the
 * open cases' deadlines are counted again with it (deadline-recount.ts), each change recorded in
 * the case's history and told to the family.
 */

/** The calendar the service counts with: the package, the built-in arrangements, then the loaded ones. */
export async function storedCalendar(q: Queryable): Promise<OfficialCalendar> {
  const stored = await listArrangements(q);
  return officialCalendar([...builtInArrangements(), ...stored.map((s) => s.arrangement)]);
}

export interface CalendarStatus extends CalendarCoverage {
  /** The loaded arrangements in force, with when each was loaded. */
  loaded: { year: number; source: string; loadedAt: string }[];
}

export async function calendarStatus(q: Queryable): Promise<CalendarStatus> {
  const stored = await listArrangements(q);
  const calendar = officialCalendar([...builtInArrangements(), ...stored.map((s) => s.arrangement)]);
  return {
    ...calendar.coverage(),
    loaded: stored.map((s) => ({
      year: s.arrangement.year,
      source: s.arrangement.source,
      loadedAt: s.loadedAt,
    })),
  };
}

export interface LoadReport {
  years: { year: number; source: string }[];
  /** Statutory days the file does not give off: lawful only after a new revision, so worth a look. */
  warnings: string[];
  casesRecounted: number;
  deadlinesChanged: number;
  /** Deadlines left as they were because no calendar gives them back from their inputs. */
  notRecounted: (NotRecounted & { caseId: string })[];
}

/**
 * Load official arrangements (a parsed JSON file) and count the open cases' deadlines again. The
 * arrangement is stored first; the cases follow in batches of their own. Loading the same file
 * again finishes a run that stopped half way and changes nothing that is already counted.
 */
export async function loadArrangements(
  deps: Written & { db: Db; clock: Clock },
  file: unknown,
): Promise<LoadReport> {
  const { db, clock } = deps;
  const { years, warnings } = parseArrangements(file);
  const before = await storedCalendar(db);
  const at = clock.now();
  await db.transaction((tx) => insertArrangements(tx, years, at));
  const calendar = await storedCalendar(db);
  const recount = {
    at,
    years: years.map((y) => y.year),
    source: years.map((y) => y.source).join('；'),
    calendar,
    // What a stored deadline may have been counted with: the calendar until now, the built-in one
    // alone (a server that had not yet picked up an earlier load), or the package alone (before a
    // year was added to arrangements.json).
    before: [before, officialCalendar(), officialCalendar([])] as Calendar[],
  };
  const report: LoadReport = {
    years: years.map((y) => ({ year: y.year, source: y.source })),
    warnings,
    casesRecounted: 0,
    deadlinesChanged: 0,
    notRecounted: [],
  };
  for (let after = ''; ;) {
    const ids = await openCaseIds(db, after, BATCH);
    if (!ids.length) break;
    after = ids[ids.length - 1]!;
    await db.transaction(async (tx) => {
      const loaded = await loadCasesForUpdate(tx, ids, deps.caseCache);
      const appends: CaseAppend[] = [];
      for (const [caseId, c] of loaded) {
        const events = (await loadEvents(tx, caseId)).map((e) => e.event);
        // The promise's limit as the region states it; a region no longer shipped has none to trace.
        const promised = POLICIES[c.state.region as RegionId]?.caseSla.promised;
        const result = recountDeadlines(c.state, events, {
          ...recount,
          promise: promised ? slaMeasure(promised) : null,
        });
        report.notRecounted.push(...result.notRecounted.map((n) => ({ caseId, ...n })));
        if (!result.events.length) continue;
        report.casesRecounted++;
        report.deadlinesChanged += result.events.length;
        appends.push({ caseId, before: c, events: result.events });
      }
      await commit(tx, appends, at, deps);
    });
  }
  return report;
}

function slaMeasure(sla: Sla): SlaMeasure {
  return sla.unit === 'on-the-spot' ? { unit: sla.unit } : { unit: sla.unit, value: sla.value };
}

/**
 * A calendar that follows the store: `refresh()` rebuilds it when another process (the CLI) has
 * loaded an arrangement since, so a running server counts with it without a restart.
 */
export async function followStoredCalendar(
  db: Queryable,
): Promise<Calendar & { refresh(): Promise<boolean> }> {
  let version = await arrangementsVersion(db);
  let current: Calendar = await storedCalendar(db);
  return {
    isWorkingDay: (date) => current.isWorkingDay(date),
    describe: (date) => current.describe(date),
    covers: (year) => current.covers(year),
    isProvisional: (year) => current.isProvisional(year),
    coveredYears: () => current.coveredYears(),
    async refresh() {
      const latest = await arrangementsVersion(db);
      if (latest === version) return false;
      current = await storedCalendar(db);
      version = latest;
      return true;
    },
  };
}

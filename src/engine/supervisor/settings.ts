import { DepartmentId } from '../../domain/ids.ts';

/**
 * What a deployment sets for supervision. Where a region's policy sets no limit on an item and
 * no promise on the case (Anhui, and Sichuan beyond its two on-the-spot items), the item is
 * measured against its department's own service standard, in working days after the day it was
 * sent; these are settings, not policy, and the dashboard says which basis each figure uses.
 */
export interface SupervisionSettings {
  /** An open item is "due soon" this many hours before its deadline (the workbench: one day). */
  dueSoonHours: number;
  /** Escalate again when an item is this many whole working days past its due day. */
  overdueByWorkingDays: number[];
  /** Working days per department; `default` for any department not named. */
  serviceStandardDays: Partial<Record<DepartmentId | 'default', number>>;
  /** The head answers a poor rating within this many working days. */
  followUpWorkingDays: number;
}

export const DEFAULT_SUPERVISION: SupervisionSettings = {
  dueSoonHours: 24,
  overdueByWorkingDays: [3],
  serviceStandardDays: { default: 5 },
  followUpWorkingDays: 5,
};

const wholeNumber = (name: string, text: string, min: number): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}: "${text}" is not a whole number ≥ ${min}`);
  return n;
};

/**
 * From the environment: SUPERVISION_DUE_SOON_HOURS=24, SUPERVISION_OVERDUE_WORKING_DAYS=3,5,
 * SUPERVISION_SERVICE_STANDARD=default=5,police=3, RATING_FOLLOW_UP_WORKING_DAYS=5.
 */
export function supervisionSettingsFromEnv(env: Record<string, string | undefined>): SupervisionSettings {
  const s = structuredClone(DEFAULT_SUPERVISION);
  if (env.SUPERVISION_DUE_SOON_HOURS)
    s.dueSoonHours = wholeNumber('SUPERVISION_DUE_SOON_HOURS', env.SUPERVISION_DUE_SOON_HOURS, 1);
  if (env.SUPERVISION_OVERDUE_WORKING_DAYS)
    s.overdueByWorkingDays = env.SUPERVISION_OVERDUE_WORKING_DAYS.split(',').map((d) =>
      wholeNumber('SUPERVISION_OVERDUE_WORKING_DAYS', d.trim(), 1),
    );
  if (env.SUPERVISION_SERVICE_STANDARD)
    for (const pair of env.SUPERVISION_SERVICE_STANDARD.split(',')) {
      const [key = '', days = ''] = pair.split('=').map((x) => x.trim());
      if (key !== 'default' && !DepartmentId.safeParse(key).success)
        throw new Error(`SUPERVISION_SERVICE_STANDARD: "${key}" is not a department`);
      s.serviceStandardDays[key as DepartmentId] = wholeNumber('SUPERVISION_SERVICE_STANDARD', days, 1);
    }
  if (env.RATING_FOLLOW_UP_WORKING_DAYS)
    s.followUpWorkingDays = wholeNumber(
      'RATING_FOLLOW_UP_WORKING_DAYS',
      env.RATING_FOLLOW_UP_WORKING_DAYS,
      1,
    );
  return s;
}

export const supervisionSettings = (settings: { supervision?: SupervisionSettings }) =>
  settings.supervision ?? DEFAULT_SUPERVISION;

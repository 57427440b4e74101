import type { CaseState, ItemState } from './case.ts';
import type { DepartmentId, RegionId } from './ids.ts';
import type { Bilingual } from './text.ts';

/**
 * The organisations whose clerks do the work: a hospital, a police station, a county medical
 * security office… Each belongs to one department of one region and serves a place: a hospital its
 * own deliveries, the others the counties they cover. A task is an organisation's when its place is.
 */
export interface Organisation {
  id: string;
  region: RegionId;
  department: DepartmentId;
  name: Bilingual;
  /** GB/T 2260 county codes it serves. */
  counties: string[];
  /** A hospital serves the deliveries in it, by the name the delivery record carries. */
  institution: string | null;
}

export type StaffRole = 'clerk' | 'head';

export interface StaffMember {
  id: string;
  name: string;
  organisationId: string;
  role: StaffRole;
}

/** Where an item is handled: the hospital and county of the birth, or the registering parent's county. */
export interface TaskPlace {
  county: string | null;
  institution: string | null;
}

type Form = {
  baby?: { birthPlace?: { divisionCode?: string; institutionName?: string } };
  registering?: { hukouDivisionCode?: string | null };
};

export function taskPlace(state: Pick<CaseState, 'form'>, item: Pick<ItemState, 'department'>): TaskPlace {
  const form = state.form as Form;
  const birth = form.baby?.birthPlace;
  switch (item.department) {
    case 'midwifery-institution':
    case 'health-commission':
    case 'cdc':
      return { county: birth?.divisionCode ?? null, institution: birth?.institutionName ?? null };
    case 'cross-province-platform':
      return { county: null, institution: null };
    default:
      // The police, medical security, tax and HRSS of the county the baby registers in.
      return { county: form.registering?.hukouDivisionCode ?? null, institution: null };
  }
}

/** Whether an organisation handles a task in this place (a hospital: its own deliveries). */
export function serves(org: Organisation, department: DepartmentId, place: TaskPlace): boolean {
  if (org.department !== department || !place.county || !org.counties.includes(place.county)) return false;
  return org.institution === null || org.institution === place.institution;
}

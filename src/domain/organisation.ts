import type { CaseState, ItemState } from './case.ts';
import { fieldError } from './error.ts';
import { DepartmentId, RegionId } from './ids.ts';
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
  /** The citizen ID number the unified identity (OIDC) names this person by; none for demo accounts. */
  loginIdNumber?: string | null;
}

/**
 * A supervisor (办件监察): no organisation's queue, but the regions whose cases they read. Kept with
 * the staff accounts so both log in the same way, by the ID number the unified identity names.
 */
export interface SupervisorAccount {
  id: string;
  name: string;
  regions: RegionId[];
  loginIdNumber: string;
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

/**
 * Who answers a department's tasks in a region: its clerks on the staff workbench, its own system
 * through the signed gateway (pulling its tasks, or `push`: the platform posts each task to the
 * system's endpoint, see departments/push.ts), or the built-in simulator.
 */
export type DepartmentMode = 'workbench' | 'gateway' | 'push' | 'simulator';
export type DepartmentModes = (region: RegionId, department: DepartmentId) => DepartmentMode;

const MODES: readonly DepartmentMode[] = ['workbench', 'gateway', 'push', 'simulator'];

/**
 * Modes from configuration: `police=workbench,midwifery-institution=workbench,fujian:hrss=gateway`.
 * An entry with a region applies there only and wins over one without; anything unnamed is `fallback`.
 */
export function departmentModes(config: string, fallback: DepartmentMode = 'simulator'): DepartmentModes {
  const general = new Map<string, DepartmentMode>();
  const regional = new Map<string, DepartmentMode>();
  for (const entry of config
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^(?:([a-z-]+):)?([a-z-]+)=([a-z]+)$/.exec(entry);
    const [region, department, mode] = m ? [m[1], m[2]!, m[3] as DepartmentMode] : [];
    if (
      !m ||
      !DepartmentId.safeParse(department).success ||
      !MODES.includes(mode!) ||
      (region !== undefined && !RegionId.safeParse(region).success)
    ) {
      throw fieldError(
        'INVALID_INPUT',
        'DEPARTMENT_MODES',
        {
          zh: `“${entry}”无效，应写作 部门=workbench|gateway|push|simulator，可加地区前缀（如 fujian:police=workbench）`,
          en: `“${entry}” is not valid; write department=workbench|gateway|push|simulator, optionally region-prefixed (fujian:police=workbench)`,
        },
        {},
        { zh: '部门办理方式（DEPARTMENT_MODES）', en: 'Department modes (DEPARTMENT_MODES)' },
      );
    }
    (region ? regional : general).set(region ? `${region}:${department}` : department!, mode!);
  }
  return (region, department) =>
    regional.get(`${region}:${department}`) ?? general.get(department) ?? fallback;
}

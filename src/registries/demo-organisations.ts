import { routeDepartments } from '../domain/counterfoil.ts';
import type { DepartmentId, RegionId } from '../domain/ids.ts';
import { DEPARTMENT_LABELS } from '../domain/labels.ts';
import type { Organisation, StaffMember } from '../domain/organisation.ts';
import { divisionName } from '../domain/place-names.ts';
import { getPolicy } from '../policies/index.ts';
import { AREAS } from './population.ts';

/**
 * The demo's organisations, for the same synthetic places the demo families live in: each hospital
 * of the region, and for every county an office of every other department the region's items or
 * counterfoils go to (a police station, the medical security office, …). A clerk and a head each.
 * Real deployments load their own organisations and accounts.
 */

export function demoOrganisations(region: RegionId): Organisation[] {
  const area = AREAS[region];
  const hospitals = area.institutions.map((name, i): Organisation => ({
    id: `${region}-hospital-${i + 1}`,
    region,
    department: 'midwifery-institution',
    name: { zh: name, en: `${name} (hospital)` },
    counties: area.divisions,
    institution: name,
  }));
  // Besides the items' departments, whoever the counterfoils pass through (Fujian: each county's health bureau).
  const policy = getPolicy(region);
  const transfer = policy.counterfoilTransfer;
  const departments = [
    ...new Set<DepartmentId>([
      ...policy.items.map((i) => i.department),
      ...(transfer ? routeDepartments(transfer) : []),
    ]),
  ].filter((d) => d !== 'midwifery-institution');
  const county = area.divisions.flatMap((code) =>
    departments.map((department): Organisation => ({
      id: `${region}-${department}-${code}`,
      region,
      department,
      name: {
        zh: `${divisionName(code).zh}${DEPARTMENT_LABELS[department].zh}`,
        en: `${DEPARTMENT_LABELS[department].en}, ${divisionName(code).en}`,
      },
      counties: [code],
      institution: null,
    })),
  );
  return [...hospitals, ...county];
}

export function demoStaff(orgs: Organisation[]): StaffMember[] {
  return orgs.flatMap((o, i) => [
    { id: `${o.id}-clerk`, name: `办事员${i + 1}`, organisationId: o.id, role: 'clerk' as const },
    { id: `${o.id}-head`, name: `负责人${i + 1}`, organisationId: o.id, role: 'head' as const },
  ]);
}

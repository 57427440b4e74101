import { z } from 'zod';
import { isCitizenId } from '../../domain/citizen-id.ts';
import { fieldError } from '../../domain/error.ts';
import { DepartmentId, RegionId } from '../../domain/ids.ts';
import { Bilingual } from '../../domain/text.ts';
import { invalidInput } from '../../policy/facts.ts';
import type { Db } from '../../store/db.ts';
import {
  listOrganisationIds,
  upsertOrganisations,
  upsertStaff,
  upsertSupervisors,
} from '../../store/staff-store.ts';

/**
 * A deployment's own organisations and staff accounts, loaded by an operator from a file
 * (`onething staff load --file F`): the hospitals, police stations and county offices, and who
 * works in each, and the supervisors with the regions they read, each with the ID number the unified
 * identity names them by. Loading again updates.
 */
const Id = z.string().regex(/^[a-z0-9-]{1,80}$/, 'lower-case letters, digits and hyphens');
const StaffFile = z.strictObject({
  organisations: z
    .array(
      z.strictObject({
        id: Id,
        region: RegionId,
        department: DepartmentId,
        name: Bilingual,
        counties: z.array(z.string().regex(/^\d{6}$/, 'a six-digit county code (GB/T 2260)')).min(1),
        institution: z.string().min(1).max(100).nullable().default(null),
      }),
    )
    .default([]),
  staff: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1).max(40),
        organisationId: Id,
        role: z.enum(['clerk', 'head']),
        loginIdNumber: z
          .string()
          .refine(isCitizenId, 'not a valid citizen ID number')
          .nullable()
          .default(null),
      }),
    )
    .default([]),
  // 办件监察: the regions each supervisor reads; they log in as staff do, into the supervision app.
  supervisors: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1).max(40),
        regions: z.array(RegionId).min(1),
        loginIdNumber: z.string().refine(isCitizenId, 'not a valid citizen ID number'),
      }),
    )
    .default([]),
});

export async function loadStaff(db: Db, input: unknown) {
  const parsed = StaffFile.safeParse(input, { reportInput: true });
  if (!parsed.success) throw invalidInput(parsed.error, 'staffFile');
  const { organisations, staff, supervisors } = parsed.data;
  // One account per id and per person across both lists: the unified identity names one account.
  const accounts = [
    ...staff.map((s, i) => ({ ...s, at: `staff.${i}` })),
    ...supervisors.map((s, i) => ({ ...s, at: `supervisors.${i}` })),
  ];
  for (const key of ['id', 'loginIdNumber'] as const) {
    const seen = new Map<string, string>();
    for (const a of accounts) {
      const value = a[key];
      if (value === null) continue;
      const first = seen.get(value);
      if (first)
        throw fieldError('INVALID_INPUT', `staffFile.${a.at}.${key}`, {
          zh: `${a.id} 与 ${first} 重复，每人只能有一个账号`,
          en: `the same for ${a.id} and ${first}; each person holds one account`,
        });
      seen.set(value, a.id);
    }
  }
  return db.transaction(async (tx) => {
    const known = new Set([...(await listOrganisationIds(tx)), ...organisations.map((o) => o.id)]);
    const stray = staff.findIndex((s) => !known.has(s.organisationId));
    if (stray >= 0)
      throw fieldError('INVALID_INPUT', `staffFile.staff.${stray}.organisationId`, {
        zh: `工作人员 ${staff[stray]!.id} 所属单位 ${staff[stray]!.organisationId} 不存在`,
        en: `staff ${staff[stray]!.id} belongs to ${staff[stray]!.organisationId}, which is not an organisation`,
      });
    await upsertOrganisations(tx, organisations);
    await upsertStaff(tx, staff);
    await upsertSupervisors(tx, supervisors);
    return { organisations: organisations.length, staff: staff.length, supervisors: supervisors.length };
  });
}

import { z } from 'zod';
import { isCitizenId } from '../../domain/citizen-id.ts';
import { fieldError } from '../../domain/error.ts';
import { DepartmentId, RegionId } from '../../domain/ids.ts';
import { Bilingual } from '../../domain/text.ts';
import { invalidInput } from '../../policy/facts.ts';
import type { Db } from '../../store/db.ts';
import { listOrganisationIds, upsertOrganisations, upsertStaff } from '../../store/staff-store.ts';

/**
 * A deployment's own organisations and staff accounts, loaded by an operator from a file
 * (`onething staff load --file F`): the hospitals, police stations and county offices, and who
 * works in each, with the ID number the unified identity names them by. Loading again updates.
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
});

export async function loadStaff(db: Db, input: unknown) {
  const parsed = StaffFile.safeParse(input, { reportInput: true });
  if (!parsed.success) throw invalidInput(parsed.error, 'staffFile');
  const { organisations, staff } = parsed.data;
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
    return { organisations: organisations.length, staff: staff.length };
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { loadStaff } from '../../src/engine/operator/staff.ts';
import type { Db } from '../../src/store/db.ts';
import { accountByLogin, findStaff, supervisedRegions } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/** An operator loads the deployment's own organisations and staff (`onething staff load`). */
const officer = makeCitizenId('350583', '1990-04-01', 17);
const inspector = makeCitizenId('350102', '1985-09-12', 23);
const file = {
  organisations: [
    {
      id: 'nanan-police-liucheng',
      region: 'fujian',
      department: 'police',
      name: { zh: '南安市公安局柳城派出所', en: 'Liucheng police station, Nan’an' },
      counties: ['350583'],
    },
  ],
  staff: [
    {
      id: 'liucheng-wang',
      name: '王警官',
      organisationId: 'nanan-police-liucheng',
      role: 'clerk',
      loginIdNumber: officer,
    },
  ],
  supervisors: [{ id: 'fj-supervisor-chen', name: '陈监察', regions: ['fujian'], loginIdNumber: inspector }],
};

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

for (const kind of DB_KINDS) {
  describe(`loading organisations and staff on ${kind}`, () => {
    it('loads them, and again to update; the person the unified identity names finds their account', async () => {
      db = await freshDb(kind);
      expect(await loadStaff(db, file)).toEqual({ organisations: 1, staff: 1, supervisors: 1 });
      expect(await accountByLogin(db, officer)).toEqual({ id: 'liucheng-wang', role: 'clerk' });
      expect(await accountByLogin(db, inspector)).toEqual({ id: 'fj-supervisor-chen', role: 'supervisor' });
      expect(await supervisedRegions(db, 'fj-supervisor-chen')).toEqual(['fujian']);
      // A clerk supervises nothing, and a supervisor has no organisation's queue to work.
      expect(await supervisedRegions(db, 'liucheng-wang')).toBeNull();
      expect(await findStaff(db, 'fj-supervisor-chen')).toBeNull();
      const moved = structuredClone(file);
      moved.staff[0]!.role = 'head';
      await loadStaff(db, { staff: moved.staff });
      expect((await findStaff(db, 'liucheng-wang'))?.staff.role).toBe('head');
      // Loading again updates a supervisor's regions; an account may change from one kind to the other.
      await loadStaff(db, { supervisors: [{ ...file.supervisors[0]!, regions: ['fujian', 'anhui'] }] });
      expect(await supervisedRegions(db, 'fj-supervisor-chen')).toEqual(['fujian', 'anhui']);
      await loadStaff(db, {
        staff: [{ ...file.staff[0]!, id: 'fj-supervisor-chen', loginIdNumber: inspector }],
      });
      expect(await supervisedRegions(db, 'fj-supervisor-chen')).toBeNull();
      expect((await findStaff(db, 'fj-supervisor-chen'))?.staff.role).toBe('clerk');
    });

    it('refuses a bad file whole, naming the field by its label in Chinese and English', async () => {
      db = await freshDb(kind);
      const bad = structuredClone(file);
      bad.organisations[0]!.counties = ['3505'];
      await expect(loadStaff(db, bad)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        messages: { zh: expect.stringContaining('服务区县'), en: expect.stringContaining('Counties served') },
      });
      const stray = structuredClone(file);
      stray.staff[0]!.organisationId = 'nowhere';
      await expect(loadStaff(db, stray)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        messages: { zh: expect.stringContaining('nowhere') },
      });
      const wrongId = structuredClone(file);
      wrongId.staff[0]!.loginIdNumber = '350583199004010000';
      await expect(loadStaff(db, wrongId)).rejects.toMatchObject({
        messages: { zh: expect.stringContaining('登录身份证号') },
      });
      const noRegion = structuredClone(file);
      noRegion.supervisors[0]!.regions = ['atlantis'];
      await expect(loadStaff(db, noRegion)).rejects.toMatchObject({
        messages: {
          zh: expect.stringContaining('监察地区'),
          en: expect.stringContaining('Regions supervised'),
        },
      });
      // One person, one account: the unified identity must name one.
      const twice = structuredClone(file);
      twice.supervisors[0]!.loginIdNumber = officer;
      await expect(loadStaff(db, twice)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        messages: {
          zh: expect.stringMatching(/^登录身份证号：fj-supervisor-chen 与 liucheng-wang 重复/),
          en: expect.stringMatching(/^Login ID number: the same for fj-supervisor-chen and liucheng-wang/),
        },
      });
      // Nothing of a refused file was written.
      expect(await accountByLogin(db, officer)).toBeNull();
    });
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { loadStaff } from '../../src/engine/operator/staff.ts';
import type { Db } from '../../src/store/db.ts';
import { findStaff, staffIdByLogin } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/** An operator loads the deployment's own organisations and staff (`onething staff load`). */
const officer = makeCitizenId('350583', '1990-04-01', 17);
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
      expect(await loadStaff(db, file)).toEqual({ organisations: 1, staff: 1 });
      expect(await staffIdByLogin(db, officer)).toBe('liucheng-wang');
      const moved = structuredClone(file);
      moved.staff[0]!.role = 'head';
      await loadStaff(db, { staff: moved.staff });
      expect((await findStaff(db, 'liucheng-wang'))?.staff.role).toBe('head');
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
      // Nothing of a refused file was written.
      expect(await staffIdByLogin(db, officer)).toBeNull();
    });
  });
}

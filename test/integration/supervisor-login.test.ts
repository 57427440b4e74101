import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { loadStaff } from '../../src/engine/operator/staff.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { appWithOidc } from '../support/oidc-app.ts';
import { loginThrough, startStrictProvider } from '../support/strict-oidc-provider.ts';

/**
 * Supervisors in production: a supervisor account (loaded with `onething staff load`) names the
 * person by ID number and the regions they read; they log in through the unified identity into the
 * supervision app (`for=supervision`). A clerk's session does not open supervision, a supervisor's
 * does not open the workbench, and a region not among the account's is not found.
 */
const family = sampleSituation('fujian');
const [fujianOrg] = demoOrganisations('fujian');
const clerk = family.father!.idNumber;
const inspector = makeCitizenId('350102', '1985-09-12', 23);
const accounts = {
  organisations: [fujianOrg!],
  staff: [
    { id: 'fj-clerk', name: '王警官', organisationId: fujianOrg!.id, role: 'clerk', loginIdNumber: clerk },
  ],
  supervisors: [{ id: 'fj-inspector', name: '陈监察', regions: ['fujian'], loginIdNumber: inspector }],
};

let provider: Awaited<ReturnType<typeof startStrictProvider>>;
beforeAll(async () => {
  provider = await startStrictProvider(inspector);
});
afterAll(() => provider?.close());

for (const kind of DB_KINDS) {
  describe(`a supervisor's unified-identity login on ${kind}`, () => {
    let db: Db | undefined;
    let rig: Awaited<ReturnType<typeof appWithOidc>>;
    const setUp = async () => {
      provider.reset();
      db = await freshDb(kind);
      await loadStaff(db, accounts);
      rig = await appWithOidc(db, family, { issuer: provider.url });
    };
    afterEach(async () => {
      await rig?.app.close();
      await db?.close();
      db = undefined;
    });
    const as = (token: string) => (url: string) =>
      rig.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    it('lands in the supervision app with a session that reads its own regions only, and nothing else', async () => {
      await setUp();
      const { done } = await loginThrough(rig, '?for=supervision');
      expect(done.location).toMatch(/^\/staff\/#\/supervision\/auth\?token=/);
      const get = as(rig.tokenIn(done.location)!);
      expect((await get('/api/supervision/me')).json()).toEqual({ regions: ['fujian'] });
      expect((await get('/api/supervision/regions/fujian/overview')).statusCode).toBe(200);
      expect((await get('/api/supervision/regions/fujian/deliveries')).statusCode).toBe(200);
      // Another region is not found, in every route family that takes one.
      for (const url of [
        '/api/supervision/regions/anhui/overview',
        '/api/supervision/regions/anhui/deliveries',
      ]) {
        const other = await get(url);
        expect(other.statusCode, url).toBe(404);
        expect(other.json().error.field).toBe('region');
      }
      // A supervisor's session is neither a clerk's nor a parent's.
      expect((await get('/api/staff/me')).statusCode).toBe(401);
      expect((await get('/api/citizen/me')).statusCode).toBe(401);
      // The development token is refused in production.
      expect((await as('dev-supervisor:fujian')('/api/supervision/me')).statusCode).toBe(401);
    });

    it('reads the account at every request: new regions apply at once, and a former supervisor is refused', async () => {
      await setUp();
      const get = as(rig.tokenIn((await loginThrough(rig, '?for=supervision')).done.location)!);
      await loadStaff(db!, { supervisors: [{ ...accounts.supervisors[0]!, regions: ['anhui'] }] });
      expect((await get('/api/supervision/me')).json()).toEqual({ regions: ['anhui'] });
      expect((await get('/api/supervision/regions/fujian/overview')).statusCode).toBe(404);
      expect((await get('/api/supervision/regions/anhui/overview')).statusCode).toBe(200);
      await loadStaff(db!, {
        staff: [{ ...accounts.staff[0]!, id: 'fj-inspector', loginIdNumber: inspector }],
      });
      expect((await get('/api/supervision/me')).statusCode).toBe(401);
    });

    it("refuses a clerk at supervision's door and a supervisor at the workbench's, each back on its own login page", async () => {
      await setUp();
      provider.op.loginAs = clerk;
      expect((await loginThrough(rig, '?for=supervision')).done.location).toBe(
        '/staff/#/supervision/login?failed=no_supervisor_account',
      );
      // The clerk's own workbench session does not open supervision either.
      const clerkLogin = await loginThrough(rig, '?for=staff');
      expect(clerkLogin.done.location).toMatch(/^\/staff\/#\/auth\?token=/);
      const asClerk = as(rig.tokenIn(clerkLogin.done.location)!);
      expect((await asClerk('/api/staff/me')).statusCode).toBe(200);
      for (const url of [
        '/api/supervision/me',
        '/api/supervision/regions/fujian/overview',
        '/api/supervision/regions/fujian/deliveries',
      ]) {
        const refused = await asClerk(url);
        expect(refused.statusCode, url).toBe(401);
        expect(refused.json().error.message.zh).toMatch(/请以监察人员身份登录/);
      }
      provider.op.loginAs = inspector;
      expect((await loginThrough(rig, '?for=staff')).done.location).toBe(
        '/staff/#/login?failed=no_staff_account',
      );
      // A person with no account at all.
      provider.op.loginAs = family.mother.idNumber;
      expect((await loginThrough(rig, '?for=supervision')).done.location).toBe(
        '/staff/#/supervision/login?failed=no_supervisor_account',
      );
      expect(rig.refusals.map((r) => r.reason)).toEqual([
        'no_supervisor_account',
        'no_staff_account',
        'no_supervisor_account',
      ]);
    });

    it('returns a cancelled or cookie-less supervision login to the supervision login page, by its state tag', async () => {
      await setUp();
      provider.op.cancel = true;
      expect((await loginThrough(rig, '?for=supervision')).done.location).toBe(
        '/staff/#/supervision/login?failed=cancelled',
      );
      provider.reset();
      const started = await loginThrough(rig, '?for=supervision');
      expect((await rig.callback(started.back, '')).location).toBe(
        '/staff/#/supervision/login?failed=expired',
      );
    });
  });
}

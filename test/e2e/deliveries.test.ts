import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.ts';
import { startReferenceDepartment } from '../../src/gateway-client/reference-department.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply } from './apply-walk.ts';

/**
 * Push mode in the browser: the Fujian police take their tasks at their own endpoint (the
 * reference department endpoint), which is down when the hukou task comes. The supervisor finds it
 * under 推送投递 with its attempts and what went wrong, in words; the police fix their side, the
 * supervisor re-sends it, and the endpoint has it, once.
 */
const wall: Clock = { now: () => new Date() };
let rig: Rig;
let police: Awaited<ReturnType<typeof startReferenceDepartment>>;
let policeDown = true;
beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  police = await startReferenceDepartment({
    department: 'police',
    // The development key the server signs with (server.ts: dev-key-<department>).
    key: 'dev-key-police',
    clock: wall,
    accept: () => {
      if (policeDown) throw new Error('the police system is down for maintenance');
    },
  });
  process.env.DEPARTMENT_PUSH_URLS = `fujian:police=${police.url}`;
  rig = await startRig({ departmentModes: 'fujian:police=push' });
}, 120_000);
afterAll(async () => {
  delete process.env.DEPARTMENT_PUSH_URLS;
  await rig?.close();
  await police?.close();
});

describe.skipIf(!HAVE_BROWSER)('push deliveries in Chromium', () => {
  it('a task the police system could not take is shown with its attempts and re-sent by the supervisor', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'push-mother');
    await mother.loginAs('fujian', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    const caseId = await apply(mother, { givenName: '明远' });
    await mother.close();

    const sup = await Parent.open(rig, 'push-supervisor', { width: 1280, height: 900 });
    await sup.page.goto('/supervision');
    await sup.page.getByTestId('supervision-login').waitFor();
    await sup.page.getByTestId('supervision-regions').getByText(POLICIES.fujian.shortName.zh).click();
    await sup.page.getByTestId('supervision-login').click();
    await sup.page.getByTestId('supervision-nav').getByText('推送投递').click();
    const retrying = sup.page.getByTestId('deliveries-retrying');
    // The simulated hospital issues the certificate within seconds; then the hukou task is pushed.
    const row = retrying.getByRole('row').filter({ hasText: caseId });
    await expect
      .poll(
        async () => {
          await sup.page.reload();
          await retrying.waitFor();
          return row.count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);
    const text = await row.textContent();
    expect(text).toContain('新生儿户口登记办理');
    expect(text).toContain('公安派出所（推送）');
    expect(text).toContain('部门系统暂时无法接收（答复 503）');
    await sup.screenshot('retrying');

    policeDown = false;
    await row.getByTestId('delivery-resend').click();
    await expect.poll(() => police.received.size, { timeout: 30_000, interval: 500 }).toBe(1);
    expect([...police.received.values()][0]).toMatchObject({ caseId, item: 'hukou-registration' });
    await expect
      .poll(
        async () => {
          await sup.page.reload();
          await retrying.waitFor();
          return row.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(0);
    await sup.screenshot('delivered');
    await sup.close();
  }, 300_000);
});

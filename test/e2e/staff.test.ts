import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';

/**
 * Real hands in the loop: the hospital is on the staff workbench. A clerk of the family's hospital
 * finds the case in the queue, opens the task (only the hospital's fields), enters the certificate
 * number and issues it; the parent sees it done. A clerk of another hospital cannot open the task.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig({ departmentModes: 'midwifery-institution=workbench' });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

async function clerk(name: string, staffId: string) {
  const p = await Parent.open(rig, name, { width: 1280, height: 900 });
  await p.page.goto('/staff/');
  await p.page.evaluate((id) => sessionStorage.setItem('token', `dev-staff:${id}`), staffId);
  await p.page.goto('/staff/#/');
  return p;
}

describe.skipIf(!HAVE_BROWSER)('the department workbench in Chromium', () => {
  it('the hospital clerk issues the birth certificate from the queue, and the parent sees it; another hospital cannot open it', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'workbench-mother');
    await mother.loginAs('fujian', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    const caseId = await apply(mother, { givenName: '明轩' });

    const hospital = await clerk('hospital-clerk', 'fujian-hospital-1-clerk');
    await hospital.page.getByTestId('organisation').getByText('南安市助产机构').waitFor();
    const row = hospital.page
      .getByRole('row')
      .filter({ hasText: caseId })
      .filter({ hasText: '出生医学证明' });
    await row.first().waitFor();
    await hospital.screenshot('queue');
    await row.first().click();
    await hospital.page.getByTestId('task-fields').waitFor();
    expect(await hospital.page.getByTestId('task-fields').textContent()).toContain('李明轩');
    await hospital.page.getByTestId('output-certificateNumber').fill('Q350000777');
    await hospital.screenshot('task');
    await hospital.page.getByTestId('decide').click();
    await expect
      .poll(() => hospital.page.getByTestId('task-status').textContent(), { timeout: 20_000 })
      .toBe('已办结');
    await hospital.screenshot('issued');

    await mother.page.getByTestId('go-case').click();
    const item = mother.page.getByTestId('item-birth-certificate');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await item.textContent()).toContain('Q350000777');

    const other = await clerk('other-hospital', 'fujian-hospital-2-clerk');
    await other.page.goto(`/staff/#/task/${caseId}/birth-certificate`);
    await other.page.getByTestId('task-error').waitFor();
    expect(await other.page.getByTestId('task-error').textContent()).toContain('本单位没有办件');
    await other.screenshot('refused');
    for (const p of [mother, hospital, other]) await p.close();
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, maskId } from '../../src/domain/citizen-id.ts';
import { beijingDate } from '../../src/domain/local-date.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply, PHOTO_PNG } from './apply-walk.ts';

/**
 * Real hands in the loop: the hospital is on the staff workbench. A clerk of the family's hospital
 * finds the case in the queue, opens the task (only the hospital's fields), enters the certificate
 * number and issues it; the parent sees it done. A clerk of another hospital cannot open the task.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER)
    rig = await startRig({
      departmentModes: 'midwifery-institution=workbench,police=workbench,hrss=workbench',
    });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

async function clerk(name: string, staffId: string) {
  return Parent.openStaff(rig, name, staffId, '/');
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

  it('Anhui, from application to the card through real hands: the hospital issues, the police register and the ID number reaches the mother, HRSS issues the card; the mother sees who opened her case', async () => {
    const family = await rig.loadFamily('anhui');
    const father = await Parent.open(rig, 'hands-father');
    await father.loginAs('anhui', family.father!.idNumber);
    await father.page.getByTestId('go-confirm').click();
    await father.upload(father.page.locator('input[type=file]'), PHOTO_PNG);
    await father.page.getByText('已确认').waitFor();
    await father.close();
    const mother = await Parent.open(rig, 'hands-mother');
    await mother.loginAs('anhui', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    const caseId = await apply(mother, { givenName: '安然' });

    // The hospital clerk logs in from the demo list, as a person would.
    const hospital = await Parent.open(rig, 'hands-hospital', { width: 1280, height: 900 });
    await hospital.page.goto('/staff/#/login');
    await hospital.page.getByTestId('staff-region').click();
    await hospital.page.locator('.ant-select-item-option').filter({ hasText: '安徽' }).click();
    const institution = family.deliveryRecord!.institutionName;
    await hospital.page.getByRole('listitem').filter({ hasText: institution }).getByRole('button').click();
    await hospital.page.getByTestId('organisation').getByText(institution).waitFor();
    await decide(hospital, caseId, 'birth-certificate', { certificateNumber: 'Q340000555' }, true);

    // The police station of the registering household enters the baby's ID number.
    const county = family.father!.hukou!.divisionCode;
    const idNumber = makeCitizenId(county, beijingDate(new Date(family.baby.bornAt!)), 124);
    const police = await clerk('hands-police', `anhui-police-${county}-clerk`);
    await decide(police, caseId, 'hukou-registration', { citizenIdNumber: idNumber });
    await mother.page.getByTestId('go-case').click();
    const hukou = mother.page.getByTestId('item-hukou-registration');
    await expect.poll(() => hukou.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    // Masked, and shown in full on the parent's request.
    expect(await hukou.textContent()).toContain(maskId(idNumber));
    await hukou.getByTestId('masked-id').getByRole('button').click();
    expect(await hukou.textContent()).toContain(idNumber);
    await mother.screenshot('id-number');

    const hrss = await clerk('hands-hrss', `anhui-hrss-${county}-clerk`);
    await decide(hrss, caseId, 'social-security-card', { cardNumber: 'C34010400001' });
    const card = mother.page.getByTestId('item-social-security-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await card.textContent()).toContain('C34010400001');

    await mother.page.getByTestId('go-who-saw').click();
    await mother.page.getByTestId('who-saw-row').first().waitFor();
    const seen = (await mother.page.getByTestId('who-saw-row').allTextContents()).join(' ');
    expect(seen).toContain(institution);
    expect(seen).toContain('签名的申请表');
    expect(seen).toMatch(/公安/);
    expect(seen).toMatch(/人力资源/);
    await mother.screenshot('who-saw');
    for (const p of [mother, hospital, police, hrss]) await p.close();
  }, 300_000);
});

/**
 * A clerk finds the case in the open queue, opens the task, reads the signed form when asked to, enters
 * the item's outputs and approves; the task then reads 已办结.
 */
async function decide(
  p: Parent,
  caseId: string,
  item: string,
  outputs: Record<string, string>,
  readForm = false,
) {
  await p.page.goto('/staff/#/');
  const row = p.page.getByRole('row').filter({ hasText: caseId });
  await expect
    .poll(
      async () => {
        if (await row.count()) return true;
        await p.page.reload();
        return false;
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBe(true);
  await row.first().click();
  await p.page.getByTestId('task-fields').waitFor();
  expect(p.page.url()).toContain(item);
  if (readForm) {
    await p.page.getByTestId('document-form').click();
    await p.page.locator('[data-testid=document-view]:not([data-pages="0"])').waitFor();
    await p.screenshot(`${item}-form`);
  }
  for (const [k, v] of Object.entries(outputs)) await p.page.getByTestId(`output-${k}`).fill(v);
  await p.screenshot(item);
  await p.page.getByTestId('decide').click();
  await expect
    .poll(() => p.page.getByTestId('task-status').textContent(), { timeout: 20_000 })
    .toBe('已办结');
}

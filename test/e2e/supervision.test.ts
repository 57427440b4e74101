import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply } from './apply-walk.ts';

/**
 * Supervision in the browser. The whole server runs on a clock the test moves forward (real time
 * plus an offset, so the simulators and the post keep running), and sweeps every half second. The
 * Fujian hospital is on the workbench, so its birth certificate stays open until its limit passes:
 * the supervisor then finds it in the overdue list, the hospital's staff find the escalation in
 * 消息, and the overdue table comes out as a CSV a spreadsheet opens in Chinese.
 */
let rig: Rig;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
beforeAll(async () => {
  if (HAVE_BROWSER)
    rig = await startRig({ departmentModes: 'midwifery-institution=workbench', clock, sweepMs: 500 });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const shortName = (region: keyof typeof POLICIES) => POLICIES[region].shortName.zh;

/** A supervisor logs in at /supervision (the development login), choosing their regions by name. */
async function supervisor(name: string, regions: (keyof typeof POLICIES)[]) {
  const p = await Parent.open(rig, name, DESKTOP);
  await p.page.goto('/supervision');
  await p.page.getByTestId('supervision-login').waitFor();
  for (const r of regions) await p.page.getByTestId('supervision-regions').getByText(shortName(r)).click();
  await p.page.getByTestId('supervision-login').click();
  await p.page.getByTestId('measured-against').waitFor();
  return p;
}

async function staff(name: string, staffId: string) {
  const p = await Parent.openStaff(rig, name, staffId, '/inbox');
  await p.page.getByTestId('staff-inbox').waitFor();
  return p;
}

describe.skipIf(!HAVE_BROWSER)('supervision in Chromium', () => {
  it('an item crosses its deadline: the supervisor sees it overdue, the hospital is told in 消息, and the table exports as CSV', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'supervised-mother');
    await mother.loginAs('fujian', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    const caseId = await apply(mother, { givenName: '明远' });
    await mother.close();

    const sup = await supervisor('supervisor', ['fujian']);
    const overdue = sup.page.getByTestId('table-overdue');
    expect(await overdue.textContent()).not.toContain(caseId);
    await sup.screenshot('dashboard-before');

    // Ten calendar days on: the hospital's 24 working hours have passed, whatever the week.
    offsetMs += 10 * 86_400_000;
    await expect
      .poll(
        async () => {
          await sup.page.reload();
          await overdue.waitFor();
          return (await overdue.textContent())!.includes(caseId);
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    const row = overdue.getByRole('row').filter({ hasText: caseId }).filter({ hasText: '出生医学证明' });
    const hospital = family.deliveryRecord!.institutionName;
    expect(await row.textContent()).toContain(hospital);
    await sup.screenshot('dashboard-overdue');
    for (const tab of ['按时办结', '办件量', '补件', '好差评']) {
      await sup.page.getByTestId('dashboard-tabs').getByRole('tab', { name: tab }).click();
      await sup.screenshot(`dashboard-tab-${tab}`);
    }

    // The overdue table as a file: UTF-8 with a byte-order mark, Chinese labels, the case in it.
    const [file] = await Promise.all([
      sup.page.waitForEvent('download'),
      sup.page.getByTestId('csv-overdue').click(),
    ]);
    expect(file.suggestedFilename()).toBe('福建-已超期.csv');
    const csv = readFileSync((await file.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('办件编号');
    expect(text).toContain('已超出（工作日）');
    expect(text).toContain(caseId);
    expect(text).toContain(hospital);
    expect(text).not.toMatch(/birth-certificate|midwifery-institution/);

    // The monthly report opens as a PDF.
    const [report] = await Promise.all([
      sup.page.context().waitForEvent('page'),
      sup.page.getByTestId('monthly-report').click(),
    ]);
    const head = await report.evaluate(async () => {
      const blob = await (await fetch(location.href)).blob();
      return new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5));
    });
    expect(head).toBe('%PDF-');
    await report.close();

    // The escalation reaches the hospital's clerk and head in 消息, once per threshold crossed.
    for (const role of ['clerk', 'head']) {
      const org = `fujian-hospital-1-${role}`;
      const p = await staff(`inbox-${role}`, org);
      const messages = p.page.getByTestId('staff-message').filter({ hasText: caseId });
      await expect
        .poll(
          async () => {
            await p.page.reload();
            await p.page.getByTestId('staff-inbox').waitFor();
            return (await messages.allTextContents()).join('\n');
          },
          { timeout: 20_000, interval: 1000 },
        )
        .toMatch(/已超期：出生医学证明/);
      const titles = await messages.allTextContents();
      expect(titles.filter((m) => m.includes('已超期：出生医学证明'))).toHaveLength(1);
      expect(titles.join('\n')).toContain('未登记手机号，未发短信');
      await p.screenshot('messages');
      // From the message straight to the task.
      await messages.filter({ hasText: '出生医学证明' }).first().getByTestId('open-task').click();
      await p.page.getByTestId('task-fields').waitFor();
      expect(p.page.url()).toContain(`/task/${caseId}/birth-certificate`);
      await p.close();
    }
    await sup.close();
  }, 300_000);

  it('a supervisor of one region sees only that region; one of two picks between exactly those two', async () => {
    const one = await supervisor('supervisor-fujian', ['fujian']);
    const header = await one.page.locator('header').textContent();
    expect(header).toContain(shortName('fujian'));
    for (const r of Object.keys(POLICIES) as (keyof typeof POLICIES)[])
      if (r !== 'fujian') expect(header).not.toContain(shortName(r));
    expect(await one.page.getByTestId('supervision-region').count()).toBe(0);
    // Not shown, and not readable either: the server answers another region as not found.
    const status = await one.page.evaluate(async () => {
      const token = sessionStorage.getItem('token');
      const r = await fetch('/api/supervision/regions/anhui/dashboard', {
        headers: { authorization: `Bearer ${token}` },
      });
      return r.status;
    });
    expect(status).toBe(404);
    await one.close();

    const two = await supervisor('supervisor-two', ['fujian', 'anhui']);
    await two.page.getByTestId('supervision-region').click();
    const options = await two.page.locator('.ant-select-item-option').allTextContents();
    expect(options.sort()).toEqual([shortName('anhui'), shortName('fujian')].sort());
    await two.page
      .locator('.ant-select-item-option')
      .filter({ hasText: shortName('anhui') })
      .click();
    await expect.poll(() => two.page.getByTestId('measured-against').textContent()).toContain('部门服务标准');
    await two.screenshot('anhui');
    await two.close();
  }, 120_000);
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.ts';
import { HAVE_BROWSER, Parent, SCREENSHOTS, startRig, type Rig } from './browser.ts';
import { otherParentActs, PHOTO_PNG } from './apply-walk.ts';
import { axeViolations } from './a11y.ts';
import { codeNamesOnScreen } from './code-names.ts';

/**
 * 联办窗口 in Chromium: a Tongchuan hospital clerk applies at the window for a family that gave birth
 * there; the mother signs the authorization letter (002 附件3) and the form, the father the form, on
 * the counter tablet (a second window the clerk's screen opens); the three papers download as PDFs;
 * the mother finds the case in her own app, marked as applied at the window. With the father away,
 * the clerk has him invited and he signs the same form on his own phone before the window submits.
 * And through an outage: the application waits in the browser, is sent when the network returns,
 * and its answer lost on the way, it is sent again and still makes one case.
 */
const CLERK = 'sichuan-tongchuan-hospital-1-clerk';
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

async function clerk(name: string) {
  return Parent.openStaff(rig, name, CLERK, '/window');
}

/** A hand's stroke across a signing pad, on any page (the tablet is the clerk's second window). */
async function stroke(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}

/**
 * The tablet's screen kept and checked for code names and with axe-core in both languages, as
 * Parent.screenshot does.
 */
async function tabletShot(page: Page, step: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `window-tablet-${step}.png`), fullPage: true });
  const found = [...(await codeNamesOnScreen(page, 'zh'))];
  const accessibility = await axeViolations(page, `tablet-${step}`);
  await page.getByTestId('language-switch').click();
  found.push(...(await codeNamesOnScreen(page, 'en')));
  accessibility.push(...(await axeViolations(page, `tablet-${step}`)));
  await page.getByTestId('language-switch').click();
  expect({ step, codeNames: found, accessibility }).toEqual({ step, codeNames: [], accessibility: [] });
}

/** Each signer named signs on the tablet, in turn. */
async function signOnTablet(tablet: Page, roles: ('mother' | 'father')[], step: string) {
  await tablet.getByTestId('tablet-summary').waitFor();
  for (const role of roles)
    await stroke(tablet, tablet.getByTestId(`tablet-pad-${role}`).getByTestId('signature-pad'));
  await tabletShot(tablet, step);
  for (const role of roles) await tablet.getByTestId(`tablet-sign-${role}`).click();
  await tablet.getByTestId('tablet-done').waitFor();
}

/**
 * Up to the form signed on the tablet: look up, fill in, scan, the letter, the form (by the father
 * too, unless he is away: then the mother alone, and he is invited to sign on his own phone).
 */
async function prepare(c: Parent, motherIdNumber: string, givenName: string, fatherAway = false) {
  const page = c.page;
  await c.type(page.getByTestId('window-mother-id').locator('input'), motherIdNumber);
  await page.getByTestId('window-mother-id').locator('button').click();
  await page.getByTestId('window-family').waitFor();
  await c.type(page.getByTestId('window-surname'), '李');
  await c.type(page.getByTestId('window-given-name'), givenName);
  await c.type(page.getByTestId('window-mailing-detail'), '朝阳路 88 号 2 单元 301');
  await page.getByTestId('window-preview').click();
  await page.getByTestId('window-eligible').waitFor();
  // The originals the mother hands over, scanned one by one; the letter and the form are the window's own.
  for (const material of [
    'marriage-certificate',
    'parents-id-cards',
    'hukou-book',
    'birth-certificate-pages',
  ]) {
    await c.upload(page.getByTestId(`scan-${material}`).locator('input[type=file]'), PHOTO_PNG);
    await page.getByTestId(`material-${material}`).getByText('已扫描').waitFor();
  }
  await c.screenshot('materials');

  const [tablet] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByTestId('window-sign-letter').click(),
  ]);
  await signOnTablet(tablet, ['mother'], `${givenName}-letter`);
  await page.getByTestId('window-sign-letter-status').getByText('已签名').waitFor();
  await page
    .getByTestId('material-authorization-letter')
    .getByText('窗口已生成')
    .waitFor()
    .catch(async (e) => {
      await c.screenshot('stuck-letter');
      throw e;
    });

  // The same tablet window shows the next paper.
  const letterUrl = tablet.url();
  if (fatherAway) await page.getByTestId('window-father-away').click();
  await page.getByTestId('window-sign-form').click();
  await tablet.waitForURL((u) => u.href !== letterUrl);
  await signOnTablet(tablet, fatherAway ? ['mother'] : ['mother', 'father'], `${givenName}-form`);
  await page.getByTestId('window-sign-form-status').getByText('已签名').waitFor();
  await c.screenshot('signed');
  return tablet;
}

/** A downloaded paper: the PDF the button opened, its text read back. */
async function paper(page: Page, key: string): Promise<string> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByTestId(`window-pdf-${key}`).click(),
  ]);
  const bytes = await page.evaluate(async (url) => {
    const blob = await (await fetch(url)).blob();
    return { type: blob.type, data: [...new Uint8Array(await blob.arrayBuffer())] };
  }, popup.url());
  await popup.close();
  expect(bytes.type).toBe('application/pdf');
  return pdfText(Buffer.from(bytes.data));
}

async function casesOf(idNumber: string): Promise<{ caseId: string }[]> {
  const r = await fetch(`${rig.url}/api/citizen/cases`, {
    headers: { authorization: `Bearer dev:${idNumber}` },
  });
  return (await r.json()) as { caseId: string }[];
}

describe.skipIf(!HAVE_BROWSER)('the hospital joint window in Chromium', () => {
  it('002: a Tongchuan clerk applies at the window, the parents sign on the tablet, the papers print, the mother follows the case', async () => {
    const family = await rig.loadFamily('sichuan-tongchuan');
    const c = await clerk('window-clerk');
    await c.screenshot('start');
    const tablet = await prepare(c, family.mother.idNumber, '川川');
    await c.page.getByTestId('window-submit').click();
    const caseId = (await c.page.getByTestId('window-case-id').textContent())!.trim();
    await c.screenshot('submitted');

    expect(await paper(c.page, 'form')).toContain(`办件编号：${caseId}`);
    expect(await paper(c.page, 'authorization')).toContain('分娩的新生儿姓名李川川');
    expect(await paper(c.page, 'receipt')).toContain('共收取6项');

    const mother = await Parent.open(rig, 'window-mother');
    await mother.loginAs('sichuan-tongchuan', family.mother.idNumber);
    await mother.page.getByTestId('my-case').click();
    await mother.page.getByTestId('applied-at-window').waitFor();
    expect(await mother.page.getByTestId('applied-at-window').textContent()).toContain(
      '通川区助产机构（示例）',
    );
    expect(await mother.page.getByText(caseId).count()).toBeGreaterThan(0);
    await mother.screenshot('case');
    for (const p of [c, mother]) await p.close();
    expect(tablet.isClosed()).toBe(true);
  }, 240_000);

  it('002, the father not at the counter: the clerk invites him, he signs the same form on his own phone, the window submits', async () => {
    const family = await rig.loadFamily('sichuan-tongchuan');
    const c = await clerk('window-father-away');
    await prepare(c, family.mother.idNumber, '远远', true);
    const father = c.page.getByTestId('window-own-login-father');
    await father.getByText('已邀请父亲在本人手机上签名').waitFor();
    expect(await c.page.getByTestId('window-submit').count()).toBe(0);
    await c.screenshot('father-invited');

    await otherParentActs(rig, 'sichuan-tongchuan', family.father!.idNumber, 'window-father');
    await expect.poll(() => father.getAttribute('data-signed'), { timeout: 15_000 }).toBe('true');
    await c.screenshot('father-signed');
    await c.page.getByTestId('window-submit').click();
    const caseId = (await c.page.getByTestId('window-case-id').textContent())!.trim();
    expect((await casesOf(family.mother.idNumber)).map((x) => x.caseId)).toEqual([caseId]);
    await c.close();
  }, 240_000);

  it('through an outage the application waits in the browser, is sent when the network returns, and makes one case however often it is sent', async () => {
    const family = await rig.loadFamily('sichuan-tongchuan');
    const c = await clerk('window-offline');
    await prepare(c, family.mother.idNumber, '安安');
    const context = c.page.context();
    await context.setOffline(true);
    await c.page.getByTestId('window-submit').click();
    const row = c.page.locator('[data-testid^="outbox-"]').first();
    await expect.poll(() => row.getAttribute('data-state')).toBe('waiting');
    expect(await row.textContent()).toContain('等待发送');
    await c.screenshot('waiting');
    expect(await casesOf(family.mother.idNumber)).toEqual([]);

    // Back online, the first send reaches the server but its answer is lost: the outbox sends it again.
    let sends = 0;
    await c.page.route('**/api/staff/window/applications', async (route) => {
      if (++sends === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await context.setOffline(false);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    expect(sends).toBeGreaterThanOrEqual(2);
    const caseId = (await c.page.getByTestId('window-case-id').textContent())!.trim();
    await c.screenshot('sent');
    expect((await casesOf(family.mother.idNumber)).map((x) => x.caseId)).toEqual([caseId]);
    await c.close();
  }, 240_000);
});

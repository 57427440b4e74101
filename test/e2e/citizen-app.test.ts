import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, Parent, settled, startRig, type Rig } from './browser.ts';
import { apply, PHOTO_PNG } from './apply-walk.ts';

/**
 * What a parent does, in a real browser at phone size: from login to rated results. Each
 * happy path prints how many fields the parent typed and how many files they uploaded.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Visible texts whose colour against their background is below WCAG's 4.5:1 (disabled controls aside). */
async function lowContrastTexts(p: Parent): Promise<string[]> {
  return p.page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (e: Element | null): number[] => {
      for (; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      const text = n.textContent!.trim();
      if (
        !text ||
        el.closest('[disabled], .adm-button-disabled, svg, [aria-hidden="true"]') ||
        !el.getClientRects().length
      )
        continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) < 0.1) continue;
      const [a, b] = [lum(rgb(style.color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5)
        bad.push(
          `${text.slice(0, 20)} (${ratio.toFixed(2)}: ${style.color} on ${getComputedStyle(el).backgroundColor})`,
        );
    }
    return bad;
  });
}

/** Watch the case (it updates itself, live) until every item has settled (the simulators answer in 1–3 s). */
async function waitForAllSettled(p: Parent, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await p.page
      .locator('[data-testid^="item-"][data-status]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    if (statuses.length && statuses.every((s) => s === 'done' || s === 'rejected' || s === 'cancelled'))
      return statuses;
    if (Date.now() > deadline) throw new Error(`items still open: ${statuses.join(', ')}`);
    await p.page.waitForTimeout(1000);
  }
}

describe.skipIf(!HAVE_BROWSER)('the parents’ app in Chromium', () => {
  it('Anhui: the father confirms with his face, the mother applies for the full package from the delivery record, and every item is done', async () => {
    const family = await rig.loadFamily('anhui');
    const father = await Parent.open(rig, 'anhui-father');
    await father.loginAs('anhui', family.father!.idNumber);
    await father.page.getByTestId('go-confirm').click();
    await father.upload(father.page.locator('input[type=file]'), PHOTO_PNG);
    await father.page.getByText('已确认').waitFor();
    await father.close();

    const mother = await Parent.open(rig, 'anhui-mother');
    await mother.loginAs('anhui', family.mother.idNumber);
    await mother.screenshot('home');
    await mother.page.getByTestId('start-proactive').click();
    await apply(mother, { givenName: '安然' });
    await mother.page.getByTestId('go-case').click();
    // The premium: the tax bureau assesses it, the mother sees the amount and the years, pays at the
    // cashier, and the bureau confirms it with its voucher. Until then the item stays open.
    const premium = mother.page.getByTestId('item-insurance-payment');
    await expect.poll(() => premium.getAttribute('data-status'), { timeout: 60_000 }).toBe('payment-due');
    expect(await premium.getByTestId('payment-amount').textContent()).toMatch(/应缴 \d+\.\d\d 元（\d{4}/);
    expect(await premium.textContent()).not.toContain('缴费凭证号');
    await mother.screenshot('payment-due');
    await premium.getByTestId('pay').click();
    await mother.page.getByTestId('cashier-amount').waitFor();
    await mother.screenshot('cashier');
    await mother.page.getByTestId('cashier-pay').click();
    await mother.page.getByTestId('back-to-case').click();
    await expect.poll(() => premium.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await premium.textContent()).toContain('缴费凭证号');
    await mother.page.getByTestId('language-switch').click();
    const statuses = await waitForAllSettled(mother);
    await mother.page.getByTestId('language-switch').click();
    // The inbox and the item agree: asked to pay, told it was paid, then that it is done.
    await mother.page.goto('/#/inbox');
    await mother.page.getByTestId('notification').first().waitFor();
    const inbox = await mother.page.getByTestId('notification').allTextContents();
    const premiumNotices = inbox.filter((n) => n.includes('缴费'));
    expect(premiumNotices.some((n) => n.includes('请缴费'))).toBe(true);
    expect(premiumNotices.some((n) => n.includes('已缴费'))).toBe(true);
    await mother.screenshot('all-done');
    expect(statuses.every((s) => s === 'done')).toBe(true);
    mother.report();
    expect(mother.typed).toBeLessThanOrEqual(2);
    await mother.close();
  }, 240_000);
});

describe.skipIf(!HAVE_BROWSER)('the parents’ app in Chromium: roles, refusals, ratings and languages', () => {
  it('Fujian: the mother signs the authorization in her login, then the father applies with it', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'fujian-mother');
    await mother.loginAs('fujian', family.mother.idNumber);
    await mother.page.getByTestId('go-authorize').click();
    // 附件3 用户填写: the grantee is typed by the mother.
    await mother.type(mother.page.getByTestId('grantee-name').locator('input'), family.father!.name);
    await mother.type(mother.page.getByTestId('grantee-idNumber').locator('input'), family.father!.idNumber);
    await mother.type(mother.page.getByTestId('grantee-phone').locator('input'), '13900000002');
    await mother.sign(mother.page.getByTestId('signature-pad'));
    await mother.screenshot('authorization');
    await mother.page.getByTestId('sign-authorization').click();
    await mother.page.getByText('授权委托书已签署').waitFor();
    await mother.screenshot('authorized');
    await mother.close();

    const father = await Parent.open(rig, 'fujian-father');
    await father.loginAs('fujian', family.father!.idNumber);
    await father.page.getByTestId('start-proactive').click();
    const caseId = await apply(father, { givenName: '晨曦' });
    expect(caseId).toMatch(/^C/);
    await father.page.getByTestId('go-case').click();
    await father.page.getByTestId('case-status').waitFor();
    await father.screenshot('case');
    father.report();
    await father.close();
  }, 240_000);

  it('Zibo: a family whose marriage was registered outside Shandong is refused, with the reason, the clause and what to do instead', async () => {
    const family = await rig.loadFamily('zibo', (f) => {
      f.marriage!.registeredDivisionCode = '110105';
    });
    const mother = await Parent.open(rig, 'zibo-refused');
    await mother.loginAs('zibo', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    await mother.page.getByTestId('consent').click();
    await mother.next();
    const refusal = mother.page.getByTestId('refusal').first();
    await refusal.waitFor();
    await expect.poll(() => refusal.textContent()).toContain('未查到父母在山东省内的结婚登记');
    expect(await refusal.getByTestId('clause').textContent()).toContain('二 2');
    expect(await refusal.textContent()).toContain('您可以');
    expect(await mother.page.getByTestId('next').isDisabled()).toBe(true);
    await mother.screenshot('refusal');
    await mother.close();
  }, 120_000);

  it('rating a finished item: 1–5 and a comment, shown back on the item; Gansu’s services and the family’s own visit to the police station', async () => {
    const family = await rig.loadFamily('gansu-lanzhou');
    const mother = await Parent.open(rig, 'gansu-rating');
    await mother.loginAs('gansu-lanzhou', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    await apply(mother, {
      givenName: '子涵',
      other: { rig, region: 'gansu-lanzhou', idNumber: family.father!.idNumber },
    });
    await mother.page.getByTestId('go-case').click();
    await waitForAllSettled(mother);
    const item = mother.page.locator('[data-testid^="item-"][data-status="done"]').first();
    await item.getByTestId('rating-4').click();
    await mother.type(item.getByTestId('rating-comment').locator('textarea'), '办理很快');
    await item.getByTestId('rating-send').click();
    await expect.poll(() => item.getByTestId('rated').textContent()).toContain('满意 · 办理很快');
    await mother.screenshot('rated');
    // 001 附件1 服务事项: shown along the way, never sent to a department.
    expect(await mother.page.getByTestId('services').textContent()).toContain('预防接种');
    expect(await mother.page.getByTestId('item-vaccination-certificate').count()).toBe(0);
    // 001 附件1 必须现场办理原因说明: the registration done starts the family's 3 working days.
    const tasks = mother.page.getByTestId('family-tasks');
    expect(await tasks.textContent()).toContain('派出所');
    expect(await tasks.textContent()).toMatch(/截止：\d{4}-\d{2}-\d{2}/);
    await tasks.getByText('我已办理').click();
    await tasks.getByText('已办理', { exact: true }).waitFor();
    await mother.screenshot('family-task-done');
    mother.report();
    await mother.close();
  }, 240_000);

  for (const region of ['zibo', 'sichuan-tongchuan'] as const) {
    it(`${region}: a parent completes the application to the receipt (every region can be completed)`, async () => {
      const family = await rig.loadFamily(region);
      const mother = await Parent.open(rig, `${region}-mother`);
      await mother.loginAs(region, family.mother.idNumber);
      await mother.page.getByTestId('start-proactive').click();
      const caseId = await apply(mother, {
        givenName: '思远',
        ...(region === 'zibo' ? { pickCounty: ['山东省', '淄博市', '张店区'] } : {}),
        other: { rig, region, idNumber: family.father!.idNumber },
      });
      if (region === 'zibo') {
        const form = await mother.page.evaluate(
          async (id) =>
            (
              await fetch(`/api/citizen/cases/${id}`, {
                headers: { authorization: `Bearer ${sessionStorage.getItem('token')}` },
              })
            ).json(),
          caseId,
        );
        expect(form.form.contact.mailingAddress).toEqual({
          divisionCode: '370303',
          detail: '人民路 8 号 2 单元 301',
        });
      }
      expect(caseId).toMatch(/^C/);
      mother.report();
      await mother.close();
    }, 180_000);
  }

  it('the English switch changes the app’s words and the policy’s text, and the choice is kept', async () => {
    const family = await rig.loadFamily('sichuan-tongchuan');
    const mother = await Parent.open(rig, 'english');
    await mother.loginAs('sichuan-tongchuan', family.mother.idNumber);
    await mother.page.getByRole('button', { name: 'English' }).click();
    await mother.page.getByText(`Hello, ${family.mother.name}`).waitFor();
    await mother.page.getByTestId('start-proactive').click();
    await mother.page.getByText('Before you apply').waitFor();
    await mother.page.getByTestId('consent').click();
    await mother.next();
    await mother.page.getByTestId('baby-given-name').locator('input').fill('一诺');
    await mother.page.getByText('You can apply').waitFor();
    await mother.screenshot('english');
    // A reload keeps the language, the step and what was typed.
    await expect.poll(async () => (await mother.savedDraft())?.body.draft.baby.givenName).toBe('一诺');
    mother.page.on('dialog', (d) => void d.accept());
    await mother.page.reload();
    await mother.page.getByText('You can apply').waitFor();
    expect(await mother.page.getByTestId('baby-given-name').locator('input').inputValue()).toBe('一诺');
    await mother.page.getByRole('button', { name: '中文' }).click();
    await mother.page.getByText('预审通过，可以申请').waitFor();
    await mother.close();
  }, 120_000);

  it('the application can be worked with the keyboard alone: consent, name, package and the steps', async () => {
    const family = await rig.loadFamily('zibo');
    const p = await Parent.open(rig, 'keyboard');
    await p.loginAs('zibo', family.mother.idNumber);
    const page = p.page;
    await page.getByTestId('start-proactive').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('consent').locator('input').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('next').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('baby-given-name').locator('input').focus();
    await page.keyboard.type('一诺');
    await page.getByTestId('eligible').waitFor();
    // The next step is offered once the pre-review has caught up with the name (the button is disabled
    // until then, and Enter on a disabled button does nothing, as for any keyboard user).
    await settled(page);
    await page.getByTestId('next').focus();
    await page.keyboard.press('Enter');
    const second = page.getByRole('radio').nth(1);
    // The step may still be sliding in when the radio is first focused: focus and press again until
    // it takes (Space never unchecks a radio, so pressing twice is harmless).
    await expect
      .poll(async () => {
        await second.focus();
        await page.keyboard.press('Space');
        return second.isChecked();
      })
      .toBe(true);
    await p.screenshot('items');
    // The way back and the tabs are a real button and real links, so the keyboard reaches them too.
    await page.getByRole('button', { name: '返回' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('eligible').waitFor();
    await page.getByRole('link', { name: '我的办件' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '离开' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/cases$/);
    await p.close();
  }, 120_000);

  it('no page is wider than the phone from 320 to 430 px, every input has a label, and text contrast is at least 4.5:1', async () => {
    for (const width of [320, 375, 430]) {
      const family = await rig.loadFamily('zibo');
      const p = await Parent.open(rig, `width-${width}`, { width, height: 740 });
      await p.loginAs('zibo', family.mother.idNumber);
      await p.page.getByTestId('start-proactive').click();
      await p.page.getByTestId('consent').click();
      for (let step = 0; step < 3; step++) {
        await p.next();
        if (step === 0) await p.page.getByTestId('baby-given-name').locator('input').fill('一诺');
        await p.page.waitForTimeout(300);
        expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }
      expect(await lowContrastTexts(p)).toEqual([]);
      const unlabelled = await p.page
        .locator('input:not([type=file]):not([type=radio]):not([type=checkbox]), textarea')
        .evaluateAll(
          (els) =>
            els.filter(
              (e) =>
                !e.getAttribute('aria-label') && !(e.id && document.querySelector(`label[for="${e.id}"]`)),
            ).length,
        );
      expect(unlabelled).toBe(0);
      await p.screenshot('form');
      await p.close();
    }
  }, 180_000);
});

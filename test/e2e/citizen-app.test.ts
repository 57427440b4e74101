import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, Parent, PHOTO_PNG, startRig, type Rig } from './browser.ts';

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

/** Walk the application from the notice to the receipt; the parent types only what is missing. */
async function apply(p: Parent, { givenName }: { givenName: string }) {
  const page = p.page;
  await page.getByTestId('consent').click();
  await page.getByTestId('next').click();
  await page.getByTestId('eligible').waitFor();
  await p.screenshot('eligibility');
  await page.getByTestId('next').click();
  await p.screenshot('items');
  await page.getByTestId('next').click();
  await p.type(page.getByTestId('baby-given-name').locator('input'), givenName);
  if (await page.getByTestId('phone').count()) await p.type(page.getByTestId('phone').locator('input'), '13900001111');
  await p.screenshot('form');
  await page.getByTestId('next').click();
  for (const input of await page.locator('[data-testid^="upload-"] input[type=file]').all()) await p.upload(input, PHOTO_PNG);
  for (const input of await page.locator('[data-testid^="face-"] input[type=file]').all()) await p.upload(input, PHOTO_PNG);
  await p.screenshot('materials');
  await page.getByTestId('next').click();
  await page.getByTestId('show-pdf').click();
  // What the parent opens is the PDF the server generated for this very form.
  const head = await page.getByTestId('pdf-link').evaluate(async (a) => {
    const blob = await (await fetch((a as HTMLAnchorElement).href)).blob();
    return { type: blob.type, start: new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5)), size: blob.size };
  });
  expect(head).toMatchObject({ type: 'application/pdf', start: '%PDF-' });
  await p.sign(page.getByTestId('signature-pad'));
  await p.screenshot('sign');
  await page.getByTestId('submit').click();
  await page.getByTestId('receipt-qr').locator('svg').waitFor();
  await p.screenshot('receipt');
  return (await page.getByTestId('case-id').textContent())!.trim();
}

/** Refresh the case until every item has settled (the simulators answer in 1–3 s). */
async function waitForAllSettled(p: Parent, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await p.page.locator('[data-testid^="item-"][data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    if (statuses.length && statuses.every((s) => s === 'done' || s === 'rejected' || s === 'cancelled')) return statuses;
    if (Date.now() > deadline) throw new Error(`items still open: ${statuses.join(', ')}`);
    await p.page.waitForTimeout(1500);
    await p.page.getByTestId('refresh').click();
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
    const statuses = await waitForAllSettled(mother);
    await mother.screenshot('all-done');
    expect(statuses.every((s) => s === 'done')).toBe(true);
    mother.report();
    expect(mother.typed).toBeLessThanOrEqual(2);
    await mother.close();
  }, 240_000);
});

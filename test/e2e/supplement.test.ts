import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/http/gateway-signature.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply } from './apply-walk.ts';

/**
 * A supplement round trip (补件): the police, working through the signed gateway (played here by
 * the test, as a police system would), ask for a material; the parent answers in place on the
 * item; the task comes back to the police, who finish it; the parent sees the baby's ID number.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig({ gatewayDepartments: ['police'] });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

async function police<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = signedHeaders({
    sender: 'police',
    key: rig.gatewayKeys.police!,
    method,
    path,
    body: text,
    at: new Date(),
  });
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${rig.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: text } : {}),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<T>;
}

/** The police system's view: wait until this case's registration task is open, with this attempt. */
async function openTask(caseId: string, attempt: number) {
  for (let i = 0; i < 60; i++) {
    const tasks = await police<{ task: { taskId: string; caseId: string; item: string; attempt: number } }[]>(
      'GET',
      '/api/gateway/tasks',
    );
    const t = tasks.find((x) => x.task.caseId === caseId && x.task.attempt === attempt);
    if (t) return t.task;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no open police task for ${caseId}, attempt ${attempt}`);
}

describe.skipIf(!HAVE_BROWSER)('a supplement round trip in Chromium', () => {
  it('the police ask for a material, the parent answers on the item, the police finish, and the parent sees the ID number', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'supplement');
    await mother.loginAs('fujian', family.mother.idNumber);
    await mother.page.getByTestId('start-proactive').click();
    const page = mother.page;
    const caseId = await apply(mother, { givenName: '若溪' });
    await page.getByTestId('go-case').click();

    const first = await openTask(caseId, 1);
    await police('POST', `/api/gateway/tasks/${first.taskId}/claim`, {});
    await police('POST', '/api/gateway/decisions', {
      txnId: `${first.taskId}-s`,
      caseId,
      item: first.item,
      outcome: 'supplement',
      material: 'hukou-book',
      message: {
        zh: '户口簿照片不清晰，请重新提交户主页',
        en: 'The hukou book photo is unreadable; send the head-of-household page again',
      },
    });

    const item = page.getByTestId(`item-${first.item}`);
    await expect
      // No refresh: the case page follows the case live.
      .poll(() => item.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('supplement-requested');
    expect(await item.getByTestId('supplement').textContent()).toContain('户口簿照片不清晰');
    await mother.screenshot('supplement-requested');
    await mother.type(item.getByTestId('supplement-note').locator('textarea'), '已重新拍摄户主页');
    await item.getByTestId('supplement-send').click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('dispatched');

    const second = await openTask(caseId, 2);
    const babyId = makeCitizenId('350102', '2026-11-22', 37);
    await police('POST', '/api/gateway/decisions', {
      txnId: `${second.taskId}-d`,
      caseId,
      item: second.item,
      outcome: 'done',
      outputs: { citizenIdNumber: babyId },
    });
    await expect
      // No refresh: the case page follows the case live.
      .poll(() => item.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('done');
    // The baby's ID number is masked (first 4, last 4); a parent may show it in full.
    expect(await item.textContent()).not.toContain(babyId);
    expect(await item.getByTestId('masked-id').textContent()).toContain(
      `${babyId.slice(0, 4)}**********${babyId.slice(-4)}`,
    );
    await item.getByText('显示完整号码').click();
    expect(await item.textContent()).toContain(babyId);
    await mother.screenshot('supplement-done');
    mother.report();
    await mother.close();
  }, 240_000);
});

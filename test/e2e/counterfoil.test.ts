import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply } from './apply-walk.ts';

/**
 * 副页移交 in Chromium, Fujian (003 附件1 三(一)2): two certificates are issued and the babies
 * registered; the hospital clerk sees them due to the county health bureau, assembles the batch,
 * prints its transfer sheet and sends it. The bureau's clerk ticks one counterfoil received and
 * marks the other missing; the hospital sees the discrepancy and follows it up.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig({ departmentModes: 'midwifery-institution=workbench' });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const HOSPITAL = 'fujian-hospital-1-clerk';
const BUREAU = 'fujian-health-commission-350583-clerk';

async function clerk(name: string, staffId: string) {
  return Parent.openStaff(rig, name, staffId, '/counterfoil');
}

async function asStaff<T>(staffId: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${rig.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer dev-staff:${staffId}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

describe.skipIf(!HAVE_BROWSER)('counterfoil batches in Chromium', () => {
  it('the hospital sends a batch, the health bureau acknowledges it with one counterfoil missing, and the hospital follows it up', async () => {
    const numbers = ['Q350000881', 'Q350000882'];
    const mothers: Parent[] = [];
    for (const [i, givenName] of ['思远', '若溪'].entries()) {
      const family = await rig.loadFamily('fujian');
      const mother = await Parent.open(rig, `counterfoil-mother-${i + 1}`);
      await mother.loginAs('fujian', family.mother.idNumber);
      await mother.page.getByTestId('start-proactive').click();
      const caseId = await apply(mother, { givenName });
      mothers.push(mother);
      // The hospital issues the certificate; the (simulated) police then register the baby.
      await asStaff(HOSPITAL, `/api/staff/cases/${caseId}/items/birth-certificate/decision`, {
        txnId: `counterfoil-${i}`,
        outcome: 'done',
        outputs: { certificateNumber: numbers[i] },
      });
    }
    // Fujian's counterfoils are cut once the registration succeeds.
    await expect
      .poll(
        async () =>
          (
            await asStaff<{ pending: { lines: { certificateNumber: string }[] }[] }>(
              HOSPITAL,
              '/api/staff/counterfoil',
            )
          ).pending.flatMap((g) => g.lines.map((l) => l.certificateNumber)),
        { timeout: 60_000, interval: 1000 },
      )
      .toEqual(expect.arrayContaining(numbers));

    const hospital = await clerk('counterfoil-hospital', HOSPITAL);
    const due = hospital.page.getByTestId('due-batch').filter({ hasText: numbers[0]! });
    await due.waitFor();
    const dueText = await due.textContent();
    expect(dueText).toContain('南安市卫生健康部门');
    expect(dueText).toContain('文件未规定移交周期');
    await hospital.screenshot('due');
    await due.getByTestId('assemble').click();
    await hospital.page.getByTestId('batch-status').getByText('已组批，待送出').waitFor();
    await hospital.page.getByTestId('print-sheet').click();
    const pdf = await hospital.page.getByTestId('sheet-link').evaluate(async (a) => {
      const blob = await (await fetch((a as HTMLAnchorElement).href)).blob();
      return { type: blob.type, start: new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf).toEqual({ type: 'application/pdf', start: '%PDF-' });
    await hospital.screenshot('assembled');
    await hospital.page.getByTestId('send-batch').click();
    await hospital.page.getByTestId('batch-status').getByText('已送出，待接收确认').waitFor();
    await hospital.screenshot('sent');
    const batchUrl = hospital.page.url();

    const bureau = await clerk('counterfoil-bureau', BUREAU);
    const incoming = bureau.page
      .getByTestId('incoming')
      .getByRole('row')
      .filter({ hasText: '南安市助产机构' });
    await incoming.first().waitFor();
    await bureau.screenshot('incoming');
    await incoming.first().click();
    await bureau.page.getByTestId(`check-${numbers[0]}`).getByText('已接收').click();
    const missing = bureau.page.getByTestId(`check-${numbers[1]}`);
    await missing.getByText('缺失').click();
    await missing.getByTestId('check-note').fill('袋内未见此份副页');
    await bureau.screenshot('checking');
    await bureau.page.getByTestId('acknowledge').click();
    await bureau.page.getByTestId('batch-status').getByText('已接收，有差异待跟进').waitFor();
    await bureau.screenshot('acknowledged');

    await hospital.page.goto('/staff/#/counterfoil');
    const sent = hospital.page.getByTestId('outgoing').getByRole('row').filter({ hasText: '1 处差异待跟进' });
    await sent.first().waitFor();
    await hospital.screenshot('discrepancy-listed');
    await hospital.page.goto(batchUrl);
    const discrepancy = hospital.page.getByTestId(`discrepancy-${numbers[1]}`);
    await discrepancy.waitFor();
    expect(await discrepancy.textContent()).toContain('袋内未见此份副页');
    await discrepancy.getByTestId('follow-up-kind').click();
    await hospital.page.getByText('已找到并补送').click();
    await hospital.page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await discrepancy.getByTestId('follow-up-note').fill('在产房登记处找到，已于当日补送卫生健康部门');
    await hospital.screenshot('following-up');
    await discrepancy.getByTestId('follow-up-submit').click();
    await hospital.page.getByTestId('batch-status').getByText('差异已跟进处理').waitFor();
    expect(await discrepancy.getByTestId('follow-up').textContent()).toContain('已找到并补送');
    await hospital.screenshot('followed-up');

    // The receiver sees the follow-up too; another county's bureau does not see the batch at all.
    await bureau.page.reload();
    await bureau.page.getByTestId(`discrepancy-${numbers[1]}`).getByTestId('follow-up').waitFor();
    const other = await clerk('counterfoil-other-bureau', 'fujian-health-commission-350502-clerk');
    await other.page.goto(batchUrl.replace(/^.*#/, '/staff/#'));
    await other.page.getByTestId('batch-error').waitFor();
    expect(await other.page.getByTestId('batch-error').textContent()).toContain('本单位没有');
    await other.screenshot('refused');
    for (const p of [...mothers, hospital, bureau, other]) await p.close();
  }, 400_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';
import { apply } from './apply-walk.ts';

/**
 * 免申即办 and the policy what-if in the browser. A Gansu mother whose baby was born six days ago
 * finds the invitation her hospital's delivery record brought in her inbox, opens it and applies
 * from it; the supervisor sees her in the funnel and the efficiency table, and a policy officer
 * shortens the newborn insurance window to two days and reads that her family would lose the
 * enrollment, by which clause.
 */
let rig: Rig;
beforeAll(async () => {
  if (HAVE_BROWSER) rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const REGION = 'gansu-lanzhou';
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!HAVE_BROWSER)('proactive invitations and the policy what-if in Chromium', () => {
  it('the invited mother applies from her inbox; the officer runs a what-if and reads who it affects', async () => {
    const family = await rig.loadFamily(REGION, (f) => {
      f.baby.bornAt = new Date(Date.now() - 6 * 86_400_000).toISOString();
    });
    const mother = await Parent.open(rig, 'invited-mother');
    await mother.loginAs(REGION, family.mother.idNumber);
    await mother.page.goto('/#/inbox');
    const invitation = mother.page.getByTestId('notification').filter({ hasText: '预填' });
    await invitation.waitFor();
    await mother.screenshot('invitation');
    await invitation.click();
    const caseId = await apply(mother, {
      givenName: '若溪',
      other: { rig, region: REGION, idNumber: family.father!.idNumber },
    });
    await mother.close();

    const officer = await Parent.open(rig, 'policy-officer', DESKTOP);
    await officer.page.goto('/supervision');
    await officer.page.getByTestId('supervision-regions').getByText(POLICIES[REGION].shortName.zh).click();
    await officer.page.getByTestId('supervision-login').click();
    await officer.page.getByTestId('supervision-nav').getByText('免申即办').click();
    await expect.poll(() => officer.page.getByTestId('funnel-opened').textContent()).toContain('1');
    expect(await officer.page.getByTestId('funnel-applied').textContent()).toContain('1');
    await officer.page.getByTestId('funnel-chart').locator('svg').waitFor();
    await officer.screenshot('funnel');

    await officer.page.getByTestId('supervision-nav').getByText('联办效能').click();
    const table = officer.page.getByTestId('efficiency-table');
    await table.getByText('联办效能', { exact: false }).first().waitFor();
    expect(await table.textContent()).toContain('71');
    await officer.screenshot('efficiency');

    await officer.page.getByTestId('supervision-nav').getByText('政策推演').click();
    await officer.page.getByTestId('whatif-limit').click();
    await officer.page.getByTitle(/新生儿参保登记期限/).click();
    await officer.page.locator('input[data-testid=whatif-value], [data-testid=whatif-value] input').fill('2');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await officer.page.getByTestId('whatif-since').fill(today);
    await officer.page.getByTestId('whatif-run').click();
    const families = officer.page.getByTestId('whatif-families');
    await families.getByText(caseId).waitFor();
    const row = await families.getByRole('row').filter({ hasText: caseId }).textContent();
    expect(row).toContain('不再办理：办理居民医保登记');
    expect(row).toContain('不符合');
    expect(row).toContain('附件1 受理条件 三');
    expect(await officer.page.getByTestId('whatif-change').textContent()).toContain('90 → 2');
    await officer.screenshot('whatif');
    await officer.close();
  }, 240_000);
});

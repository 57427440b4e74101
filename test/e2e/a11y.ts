import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 levels A and AA (China's GB/T 37668-2019 builds on WCAG 2.0). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's violations on the screen as it is, one line each: rule, impact, the element's selector
 * and the step, so a failing test says what to fix and where without opening a report.
 */
export async function axeViolations(page: Page, step: string): Promise<string[]> {
  // A screen mid-transition (a page sliding in, a box being ticked) shows colours it never settles
  // on: contrast is judged once the finite animations have run, as a person reads the screen.
  // antd-mobile's popups and dialogs move by script (react-spring writes inline styles each frame),
  // which getAnimations() cannot see: those are done once the inline styles stop changing.
  await page.evaluate(async () => {
    await Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]);
    const inlineStyles = () =>
      Array.from(document.querySelectorAll('[style]'), (e) => e.getAttribute('style')).join('|');
    const until = Date.now() + 2_000;
    for (let before = inlineStyles(); Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = inlineStyles();
      if (now === before) break;
      before = now;
    }
  });
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const lang = await page.evaluate(() => document.documentElement.lang);
  const found = results.violations.flatMap((v) =>
    v.nodes.map((n) => {
      // For contrast, the colours and the ratio found: what to change.
      const c = n.any.find((check) => check.id === 'color-contrast')?.data as
        | { fgColor: string; bgColor: string; contrastRatio: number; expectedContrastRatio: string }
        | undefined;
      const detail = c
        ? ` (${c.fgColor} on ${c.bgColor}: ${c.contrastRatio}, needs ${c.expectedContrastRatio})`
        : '';
      return `${step} [${lang}]: ${v.id} (${v.impact ?? 'unknown'}) at ${n.target.join(' ')}: ${v.help}${detail}`;
    }),
  );
  // axe has no rule for charts: ECharts draws an SVG a screen reader cannot read, so each chart must
  // be an image with a name (supervision's Chart.tsx: title and figures through ECharts' aria).
  const unnamedCharts = await page
    .locator('[_echarts_instance_]')
    .evaluateAll((els) =>
      els
        .filter((e) => e.getAttribute('role') !== 'img' || !e.getAttribute('aria-label')?.trim())
        .map((e) => e.getAttribute('data-testid') ?? e.tagName),
    );
  found.push(...unnamedCharts.map((c) => `${step} [${lang}]: chart without a name at ${c}`));
  return found;
}

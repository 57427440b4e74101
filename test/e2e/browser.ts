import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './a11y.ts';
import { codeNamesOnScreen } from './code-names.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import type { Clock } from '../../src/domain/clock.ts';
import type { DepartmentId, RegionId } from '../../src/domain/ids.ts';
import type { LocalDate } from '../../src/domain/local-date.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import type { SavedDraftAnswer } from '../../web/citizen/src/pages/apply/draft.ts';
import { startServer } from '../../src/server.ts';
import { TEST_RATE_LIMITS } from '../support/rate-limits.ts';

/**
 * The end-to-end rig: the real server (PGlite in a temporary directory, departments simulated and
 * answering in 1–3 s) serving the built app, and Debian's Chromium driven by playwright-core at
 * phone size. CI sets REQUIRE_CHROMIUM, so a missing browser fails the run instead of skipping.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = fileURLToPath(new URL('../../web/citizen/dist', import.meta.url));
export const HAVE_BROWSER = existsSync(CHROMIUM) && existsSync(join(WEB_ROOT, 'index.html'));
if (process.env.REQUIRE_CHROMIUM && !HAVE_BROWSER)
  throw new Error(`REQUIRE_CHROMIUM is set but ${CHROMIUM} or the built app (npm run build:web) is missing`);
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

export interface Rig {
  url: string;
  browser: Browser;
  /**
   * Put a new family into the simulated registries: the region's sample with parents of their
   * own (fresh ID numbers), so no test sees another's case; born yesterday, so age limits hold.
   */
  loadFamily(region: RegionId, change?: (f: FamilySituationInput) => void): Promise<FamilySituationInput>;
  gatewayKeys: Record<string, string>;
  close(): Promise<void>;
}

/** `gatewayDepartments`: departments the test itself plays, through the signed gateway. */
export async function startRig(
  options: {
    gatewayDepartments?: DepartmentId[];
    departmentModes?: string;
    /** A clock the test moves (supervision: deadlines passing), and how often the sweeper runs. */
    clock?: Clock;
    sweepMs?: number;
    /** A fixed port, for settings that must name this server's address before it starts (OIDC). */
    port?: number;
  } = {},
): Promise<Rig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onething-e2e-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    dataDir,
    webRoot: WEB_ROOT,
    // Quick and certain: every simulated department approves within 1–3 s.
    simulatorSeconds: { min: 1, max: 3 },
    // The post runs about 20,000 times faster than real time: a day in four seconds or so.
    postSpeedup: 20_000,
    simulatorRates: { rejectionRate: 0, supplementRate: 0, transientFaultRate: 0 },
    gatewayDepartments: options.gatewayDepartments ?? [],
    ...(options.departmentModes ? { departmentModes: options.departmentModes } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
    rateLimits: TEST_RATE_LIMITS,
  });
  let families = 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps calling out of this closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    url: server.address,
    browser,
    gatewayKeys: server.gatewayKeys,
    async loadFamily(region, change) {
      const f = structuredClone(sampleSituation(region));
      const renumber = (id: string) =>
        makeCitizenId(
          id.slice(0, 6),
          `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` as LocalDate,
          (Number(id.slice(14, 17)) + 2 * ++families) % 1000,
        );
      const [mother, father] = [renumber(f.mother.idNumber), f.father && renumber(f.father.idNumber)];
      if (f.marriage)
        Object.assign(f.marriage, {
          wifeIdNumber: mother,
          husbandIdNumber: father ?? f.marriage.husbandIdNumber,
        });
      if (f.deliveryRecord)
        Object.assign(f.deliveryRecord, {
          motherIdNumber: mother,
          ...(f.deliveryRecord.fatherIdNumber && father ? { fatherIdNumber: father } : {}),
        });
      f.mother.idNumber = mother;
      if (f.father && father) f.father.idNumber = father;
      f.baby.bornAt = new Date(Date.now() - 86_400_000).toISOString();
      change?.(f);
      const r = await fetch(`${server.address}/api/dev/families`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(f),
      });
      if (r.status !== 201) throw new Error(`loading the family failed: ${await r.text()}`);
      return f;
    },
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A parent on a phone. Everything the parent types or uploads goes through `type` and `upload`,
 * so each test can report how much the parent had to do.
 */
export class Parent {
  typed = 0;
  uploaded = 0;
  /** The page's script errors and console errors, for a failure to report. */
  readonly errors: string[] = [];
  private constructor(
    readonly page: Page,
    private readonly name: string,
  ) {}

  static async open(rig: Rig, name: string, viewport = { width: 375, height: 812 }): Promise<Parent> {
    const context = await rig.browser.newContext({
      viewport,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      baseURL: rig.url,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const parent = new Parent(page, name);
    page.on('pageerror', (e) => parent.errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && parent.errors.push(m.text())));
    await page.goto('/');
    return parent;
  }

  /**
   * A member of staff at `hash` in the staff app, logged in with a development login. The token is in
   * the tab's storage before the app first loads, so the app never races a redirect to its login page.
   */
  static async openStaff(rig: Rig, name: string, staffId: string, hash: string): Promise<Parent> {
    const p = await Parent.open(rig, name, { width: 1280, height: 900 });
    await p.page.evaluate((id) => sessionStorage.setItem('token', `dev-staff:${id}`), staffId);
    await p.page.goto(`/staff/#${hash}`);
    return p;
  }

  async loginAs(region: RegionId, idNumber: string) {
    await this.page.evaluate(() => sessionStorage.clear());
    await this.page.goto('/#/login');
    await this.page.getByTestId(`tab-${region}`).click();
    await this.page.getByTestId(`login-${idNumber}`).click();
  }

  async type(target: Locator, value: string) {
    await target.fill(value);
    this.typed++;
  }

  async upload(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
    await target.setInputFiles(file);
    this.uploaded++;
  }

  /**
   * Next, as a parent taps it, and on once the next step is on screen: the router renders it in a
   * transition after the click has returned, so a read straight after the click may see the old step.
   */
  async next() {
    const step = this.page.getByTestId('apply-step');
    const here = Number(await step.getAttribute('data-step'));
    await this.page.getByTestId('next').click();
    await this.page.locator(`[data-testid="apply-step"][data-step="${here + 1}"]`).waitFor();
  }

  /** The application in progress as the server keeps it: saved a moment after each change, not at once. */
  savedDraft(birthOrder = 1): Promise<SavedDraftAnswer | null> {
    return this.page.evaluate(async (n) => {
      const headers = { authorization: `Bearer ${sessionStorage.getItem('token')}` };
      const r = await fetch(`/api/citizen/drafts/${n}`, { headers });
      return r.ok ? ((await r.json()) as SavedDraftAnswer) : null;
    }, birthOrder);
  }

  /** Sign by hand: a stroke across the signing canvas. */
  async sign(pad: Locator) {
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const m = this.page.mouse;
    await m.move(box.x + 30, box.y + box.height / 2);
    await m.down();
    for (let i = 1; i <= 12; i++)
      await m.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
    await m.up();
  }

  /**
   * Keep a picture of the screen, and check it, in Chinese and in English, for code names and with
   * axe-core (WCAG 2.1 AA, 0 violations): every screen the tests pass through is checked this way.
   */
  async screenshot(step: string) {
    // An application still being reviewed changes under the check: Next fades in when the review answers.
    if (await this.page.getByTestId('apply-step').count()) await settled(this.page);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${this.name}-${step}.png`), fullPage: true });
    const zh = (await this.page.getByTestId('language-switch').textContent()) === 'English';
    const first = await codeNamesOnScreen(this.page, zh ? 'zh' : 'en');
    // And with axe-core against WCAG 2.1 AA, in each language too (the page's lang changes with it).
    const accessibility = await axeViolations(this.page, step);
    // With a dialog open, only the language on screen: the switch lies behind the dialog.
    const dialog = (await this.page.locator('.adm-center-popup-wrap:visible').count()) > 0;
    if (!dialog) await this.page.getByTestId('language-switch').click();
    const second = dialog ? [] : await codeNamesOnScreen(this.page, zh ? 'en' : 'zh');
    if (!dialog) accessibility.push(...(await axeViolations(this.page, step)));
    if (!dialog) await this.page.getByTestId('language-switch').click();
    this.screensChecked++;
    expect({ step, codeNames: [...first, ...second], accessibility }).toEqual({
      step,
      codeNames: [],
      accessibility: [],
    });
  }

  /** How many screens were checked for code names, in both languages. */
  screensChecked = 0;

  report() {
    console.log(`[e2e] ${this.name}: typed ${this.typed} field(s), uploaded ${this.uploaded} file(s)`);
  }

  async close() {
    await this.page.context().close();
  }
}

/** Wait until the application's pre-review has caught up with what the parent changed. */
export async function settled(page: Page) {
  await expect
    .poll(() => page.getByTestId('apply-step').getAttribute('aria-busy'), { timeout: 30_000 })
    .toBe('false');
}

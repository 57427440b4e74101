import type { Page } from 'playwright-core';
import { DepartmentId, ItemId } from '../../src/domain/ids.ts';
import {
  EVENT_LABELS,
  FIELD_LABELS,
  ITEM_STATUS_LABELS,
  PARCEL_STATUS_LABELS,
} from '../../src/domain/labels.ts';
import { POLICIES } from '../../src/policies/index.ts';

/**
 * Code names must never reach a screen: ids of fields, items, departments, materials, packages,
 * rules and statuses, dotted field paths, camelCase keys, `null` and the like. On a Chinese screen,
 * no English word either (a few acronyms people read as Chinese aside: EMS, PDF, APP). The language
 * switch names the other language on purpose and is skipped.
 */
const CODE_IDS = new Set<string>(
  [
    ...ItemId.options,
    ...DepartmentId.options,
    ...Object.keys(EVENT_LABELS),
    'case-overdue',
    ...Object.keys(ITEM_STATUS_LABELS),
    ...Object.keys(PARCEL_STATUS_LABELS),
    ...Object.keys(FIELD_LABELS).filter((k) => /[.A-Z-]/.test(k)),
    ...Object.values(POLICIES).flatMap((p) => [
      ...p.materials.map((m) => m.id),
      ...p.packages.map((x) => x.id),
      ...p.rules.map((r) => r.id),
      ...p.formFields.map((f) => f.id),
    ]),
    'shared-data',
    'upload-later',
    'case-promise',
    'own-limit',
  ].filter((id) => /[.A-Z-]/.test(id)),
);
// Ids that are plain words ('police', 'done') read as English in English; on a Chinese screen the
// English-word rule below catches them.
const ALLOWED_LATIN_ON_ZH = new Set(['EMS', 'PDF', 'APP', 'ID']);

export async function codeNamesOnScreen(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
  const text = await page.evaluate(() => {
    const skip = (el: Element | null) =>
      !!el?.closest('[data-testid="language-switch"], script, style, svg, [aria-hidden="true"]');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      out.push(n.textContent ?? '');
    }
    for (const input of document.querySelectorAll('input, textarea')) {
      const i = input as HTMLInputElement;
      if (i.placeholder) out.push(i.placeholder);
    }
    return out.join('\n');
  });
  const found = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z][A-Za-z0-9]*)*/g)) {
    const token = m[0];
    const codeLike =
      CODE_IDS.has(token) ||
      /^[a-z]+[A-Z][A-Za-z]*$/.test(token) || // camelCase keys
      /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z.]*$/.test(token) || // dotted field paths
      ['null', 'undefined', 'NaN'].includes(token) ||
      (lang === 'zh' && /^[A-Za-z]{2,}$/.test(token) && !ALLOWED_LATIN_ON_ZH.has(token));
    // Shown with what surrounds it, so a failure says where.
    const around = text.slice(Math.max(0, m.index - 15), m.index + token.length + 15).replace(/\s+/g, ' ');
    if (codeLike) found.add(`${token} «${around}»`);
  }
  return [...found];
}

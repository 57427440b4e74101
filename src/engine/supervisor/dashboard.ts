import type { RegionId } from '../../domain/ids.ts';
import { SLA_BASIS_LABELS } from '../../domain/labels.ts';
import { formatInstant } from '../../domain/local-date.ts';
import type { Bilingual } from '../../domain/text.ts';
import { getPolicy } from '../../policies/index.ts';
import type { EngineDeps } from '../deps.ts';
import { periodBounds, regionBasis, type Period } from './measure.ts';
import { supervisionSettings } from './settings.ts';
import { TABLES, type Cell, type Column, type Shared, type TableId } from './tables.ts';

/**
 * The supervision dashboard of one region: every table, and which deadline its items are measured
 * against. Scoping to the supervisor's regions is the route's (it checks before calling).
 */
export async function dashboard(deps: EngineDeps, region: RegionId, period: Period = {}) {
  periodBounds(period);
  const ids = Object.keys(TABLES) as TableId[];
  const shared: Shared = new Map();
  const rows = await Promise.all(ids.map((id) => TABLES[id].rows(deps, region, period, shared)));
  return {
    region,
    period,
    measuredAgainst: basisStatement(deps, region),
    tables: ids.map((id, i) => ({
      id,
      title: TABLES[id].title,
      columns: TABLES[id].columns,
      rows: rows[i]!,
    })),
  };
}

/** In words: which basis applies to which items of the region, and the settings behind it. */
export function basisStatement(deps: EngineDeps, region: RegionId): Bilingual[] {
  const policy = getPolicy(region);
  const b = regionBasis(region);
  const s = supervisionSettings(deps.settings);
  const itemNames = (ids: string[]) => {
    const n = ids.map((id) => policy.items.find((i) => i.id === id)!.name);
    return { zh: n.map((x) => x.zh).join('、'), en: n.map((x) => x.en).join(', ') };
  };
  const out: Bilingual[] = [];
  if (b.itemLimits.length) {
    const n = itemNames(b.itemLimits);
    out.push({
      zh: `${SLA_BASIS_LABELS['item-limit']!.zh}：${n.zh}`,
      en: `${SLA_BASIS_LABELS['item-limit']!.en}: ${n.en}`,
    });
  }
  if (b.unlimitedItems.length) {
    const n = itemNames(b.unlimitedItems);
    if (b.casePromise && 'value' in b.casePromise)
      out.push({
        zh: `${SLA_BASIS_LABELS['case-promise']!.zh}（${b.casePromise.value}个工作日）：${n.zh}`,
        en: `${SLA_BASIS_LABELS['case-promise']!.en} (${b.casePromise.value} working days): ${n.en}`,
      });
    else
      out.push({
        zh: `本地区未规定逐项时限和全案承诺，按${SLA_BASIS_LABELS['service-standard']!.zh}（默认 ${s.serviceStandardDays.default ?? '—'} 个工作日）计量：${n.zh}`,
        en: `The region sets no per-item limit and no case promise; measured against ${SLA_BASIS_LABELS['service-standard']!.en.toLowerCase()} (default ${s.serviceStandardDays.default ?? '—'} working days): ${n.en}`,
      });
  }
  return out;
}

/** A cell as text in one language (CSV and PDF). */
export function cellText(value: Cell, column: Column, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value[lang];
  if (column.kind === 'time' && typeof value === 'string') return formatInstant(value);
  if (column.kind === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

import type { Bilingual } from '../../../citizen/src/i18n.tsx';
import type { Policy } from '../../../citizen/src/types.ts';

/**
 * The limits a policy officer can change on the what-if page, each by its label: the newborn
 * insurance window, the case promise and every item's own time limit. The page sends them as
 * changes to the live policy; the server checks the result with the region files' own schema.
 */
export interface Changeable {
  path: string;
  label: Bilingual;
  current: number;
  unit: Bilingual;
}

const WORKING_DAYS: Bilingual = { zh: '个工作日', en: 'working days' };
const WORKING_HOURS: Bilingual = { zh: '个工作小时', en: 'working hours' };
const unitOf = (unit: string) => (unit === 'working-hours' ? WORKING_HOURS : WORKING_DAYS);

export function changeables(policy: Policy): Changeable[] {
  const out: Changeable[] = [];
  const window = (policy.insurance as { window?: { days?: number; months?: number } }).window;
  if (window?.days !== undefined)
    out.push({
      path: 'insurance.window.days',
      label: { zh: '新生儿参保登记期限', en: 'Newborn insurance enrollment window' },
      current: window.days,
      unit: { zh: '天', en: 'days' },
    });
  if (window?.months !== undefined)
    out.push({
      path: 'insurance.window.months',
      label: { zh: '新生儿参保登记期限', en: 'Newborn insurance enrollment window' },
      current: window.months,
      unit: { zh: '个月', en: 'months' },
    });
  const promised = policy.caseSla.promised;
  if (promised && 'value' in promised)
    out.push({
      path: 'caseSla.promised.value',
      label: { zh: '全案承诺办结时限', en: 'Promised time for the whole case' },
      current: promised.value,
      unit: unitOf(promised.unit),
    });
  for (const item of policy.items)
    if (item.sla && 'value' in item.sla)
      out.push({
        path: `items.${item.id}.sla.value`,
        label: { zh: `${item.name.zh}办理时限`, en: `${item.name.en}: time limit` },
        current: item.sla.value,
        unit: unitOf(item.sla.unit),
      });
  return out;
}

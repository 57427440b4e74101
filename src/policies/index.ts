import { fieldError } from '../domain/error.ts';
import { RegionId } from '../domain/ids.ts';
import type { Policy } from '../policy/schema.ts';
import { anhui } from './anhui.ts';
import { fujian } from './fujian.ts';
import { gansuLanzhou } from './gansu-lanzhou.ts';
import { sichuanTongchuan } from './sichuan-tongchuan.ts';
import { zibo } from './zibo.ts';

/** Every region the product ships, by id. Adding a region is adding a file and a line here. */
export const POLICIES: Readonly<Record<RegionId, Policy>> = {
  zibo,
  'gansu-lanzhou': gansuLanzhou,
  'sichuan-tongchuan': sichuanTongchuan,
  fujian,
  anhui,
};

export function getPolicy(region: string): Policy {
  const parsed = RegionId.safeParse(region);
  if (!parsed.success) {
    const known = RegionId.options.join(', ');
    throw fieldError('UNKNOWN_REGION', 'region', {
      zh: `未知地区 ${region}，可选：${known}`,
      en: `unknown region ${region}; choose one of: ${known}`,
    });
  }
  return POLICIES[parsed.data];
}

/** The regions whose service covers a place (GB/T 2260 code): the proactive path starts there. */
export function regionsFor(divisionCode: string): RegionId[] {
  return (Object.values(POLICIES) as Policy[])
    .filter((p) => p.divisions.some((d) => divisionCode.startsWith(d)))
    .map((p) => p.region);
}

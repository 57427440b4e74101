import { regionsFor } from '../policies/index.ts';
import type { FamilySituation } from './port.ts';

/**
 * The demo parents a development login offers: for each region its own families (where the baby
 * was born, else where the mother is registered), newest first, at most `perRegion` each, so no
 * region's list is crowded out by another's.
 */
export function demoParents(families: FamilySituation[], perRegion: number) {
  const counts = new Map<string, number>();
  const out = [];
  for (const f of families) {
    const region =
      regionsFor(f.baby.birthPlace.divisionCode)[0] ??
      regionsFor(f.mother.hukou?.divisionCode ?? '')[0] ??
      null;
    if (!region || (counts.get(region) ?? 0) >= perRegion) continue;
    counts.set(region, (counts.get(region) ?? 0) + 1);
    out.push({
      region,
      hasDeliveryRecord: f.deliveryRecord !== null,
      babies: 1 + f.siblings.length,
      mother: { name: f.mother.name, idNumber: f.mother.idNumber },
      father: f.father && { name: f.father.name, idNumber: f.father.idNumber },
    });
  }
  return out;
}

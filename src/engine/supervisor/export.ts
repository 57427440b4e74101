import type { RegionId } from '../../domain/ids.ts';
import type { EngineDeps } from '../deps.ts';
import { cellText } from './dashboard.ts';
import type { Period } from './measure.ts';
import { tableSpec } from './tables.ts';

/** RFC 4180 quoting; a leading =, +, - or @ is quoted with ' so a spreadsheet does not run it. */
function csvField(text: string): string {
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One dashboard table as CSV: labelled headers and values, never codes; UTF-8 with a byte-order
 * mark and CRLF line ends, which is what Excel needs to open Chinese text correctly.
 */
export async function tableCsv(
  deps: EngineDeps,
  region: RegionId,
  table: string,
  period: Period,
  lang: 'zh' | 'en' = 'zh',
): Promise<{ filename: string; csv: string }> {
  const spec = tableSpec(table);
  const rows = await spec.rows(deps, region, period);
  const lines = [
    spec.columns.map((c) => csvField(c.label[lang])).join(','),
    ...rows.map((r) => spec.columns.map((c) => csvField(cellText(r[c.key] ?? null, c, lang))).join(',')),
  ];
  return { filename: `${region}-${table}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/**
 * The Markdown the guide is written in: headings, labelled lines, Chinese-then-English prose and tables,
 * each text shown in both languages. Every section builds its lines from these few shapes, so the guide
 * reads the same from the first section to the last and a change of layout is made in one place.
 */
import type { Bilingual } from '../../domain/text.ts';

export const NONE: Bilingual = { zh: '无', en: 'none' };

export function heading(level: number, t: Bilingual): string[] {
  return ['', `${'#'.repeat(level)} ${t.zh} / ${t.en}`, ''];
}

/** “zh / en” on one line, for short texts. */
export function both(t: Bilingual): string {
  return t.zh === t.en ? t.zh : `${t.zh} / ${t.en}`;
}

/** A labelled line: - **依据 / Basis**：… */
export function field(label: Bilingual, value: Bilingual | string): string {
  return `- **${label.zh} / ${label.en}**：${typeof value === 'string' ? value : both(value)}`;
}

/** A long text: Chinese, then English in italics on its own line. */
export function prose(t: Bilingual, suffix = ''): string[] {
  return [`${t.zh}${suffix}`, '', `*${t.en}*`, ''];
}

export function table(head: Bilingual[], rows: string[][]): string[] {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${head.map((h) => `${h.zh} ${h.en}`).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

export function joined(parts: readonly Bilingual[], zh: string, en: string): Bilingual {
  if (parts.length === 0) return NONE;
  return { zh: parts.map((p) => p.zh).join(zh), en: parts.map((p) => p.en).join(en) };
}

export const BASIS: Bilingual = { zh: '依据', en: 'Basis' };

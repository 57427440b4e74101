import type { Pdf } from '../../documents/pdf/layout.ts';

/**
 * Bar charts drawn as vectors straight into the report's PDF: sharp at any zoom, printable, and
 * with no browser on the server. Several series are drawn side by side in each group.
 */
export interface BarChart {
  title: string;
  groups: string[];
  series: { name: string; color: string; values: (number | null)[] }[];
  /** The highest value on the axis (a share: 1); otherwise the largest value. */
  max?: number;
  format?: (v: number) => string;
  /** Said in the plot when there is nothing to draw, so a blank chart is never a riddle. */
  empty?: string;
}

/** 1, 2 or 5 times a power of ten at or above v, so the axis reads in round steps of a quarter. */
function roundUp(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v / 4));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s * 4 >= v)!;
  return step * 4;
}

const AXIS = '#595959';

export function drawBarChart(doc: Pdf, chart: BarChart, x: number, y: number, w: number, h: number): number {
  const format = chart.format ?? ((v: number) => String(Math.round(v * 10) / 10));
  doc.font('zh-bold').fontSize(10).fillColor('#000').text(chart.title, x, y, { width: w, lineBreak: false });
  let legendX = x;
  const legendY = y + 16;
  doc.font('zh').fontSize(8);
  for (const s of chart.series) {
    doc.rect(legendX, legendY + 1, 8, 8).fill(s.color);
    doc.fillColor('#000').text(s.name, legendX + 11, legendY, { lineBreak: false });
    legendX += 11 + doc.widthOfString(s.name) + 14;
  }
  const top = legendY + 16;
  const left = x + 40;
  const bottom = y + h - 28;
  const plotW = x + w - left;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // At least 4, so counts step in whole numbers.
  const max = chart.max ?? roundUp(Math.max(4, ...all));
  doc.lineWidth(0.5).strokeColor(AXIS);
  doc
    .moveTo(left, top)
    .lineTo(left, bottom)
    .lineTo(left + plotW, bottom)
    .stroke();
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    const ty = bottom - ((bottom - top) * t) / 4;
    doc
      .fillColor(AXIS)
      .fontSize(7)
      .text(format(v), x, ty - 4, { width: 36, align: 'right', lineBreak: false });
    if (t)
      doc
        .strokeColor('#d9d9d9')
        .moveTo(left, ty)
        .lineTo(left + plotW, ty)
        .stroke();
  }
  if (!all.length && chart.empty)
    doc
      .fillColor(AXIS)
      .fontSize(9)
      .text(chart.empty, left + 8, (top + bottom) / 2 - 12, { width: plotW - 16, align: 'center' });
  const n = Math.max(1, chart.groups.length);
  const groupW = plotW / n;
  const barW = Math.max(1, (groupW * 0.8) / chart.series.length);
  // Label every k-th group so the labels never overlap.
  const every = Math.max(1, Math.ceil((n * 48) / plotW));
  chart.groups.forEach((g, i) => {
    const gx = left + i * groupW + groupW * 0.1;
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const bh = ((bottom - top) * Math.min(v, max)) / max;
      doc.rect(gx + j * barW, bottom - bh, barW, bh).fill(s.color);
    });
    if (i % every === 0)
      doc
        .fillColor('#000')
        .fontSize(7)
        .text(g, left + i * groupW, bottom + 3, { width: groupW * every, align: 'left', lineBreak: false });
  });
  if (!chart.groups.length)
    doc
      .fillColor(AXIS)
      .fontSize(9)
      .text('—', left, (top + bottom) / 2, { width: plotW, align: 'center' });
  doc.fillColor('#000').strokeColor('#000');
  return y + h;
}

import { createPdf, MARGIN, type Pdf } from '../../documents/pdf/layout.ts';
import { fieldError } from '../../domain/error.ts';
import type { RegionId } from '../../domain/ids.ts';
import { addDays, addMonths, formatInstant } from '../../domain/local-date.ts';
import { getPolicy } from '../../policies/index.ts';
import type { EngineDeps } from '../deps.ts';
import { cellText, dashboard } from './dashboard.ts';
import { drawBarChart } from './pdf-charts.ts';
import type { Column, Row } from './tables.ts';

/** Rows of a table printed in the report; the CSV export has them all. */
const PRINTED_ROWS = 30;
const BLUE = '#0b57d0';
const ORANGE = '#ad4e00';
const GREEN = '#00703c';

/**
 * 月度监察报告: a month of one region as a printable PDF (A4 landscape) — which deadlines apply,
 * three charts drawn as vectors (on-time rate by week, durations by item, ratings beside lateness),
 * then every dashboard table. Chinese, the language the report is filed in.
 */
export async function monthlyReportPdf(deps: EngineDeps, region: RegionId, month: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw fieldError('INVALID_INPUT', 'month', { zh: '月份应为 YYYY-MM', en: 'Month should be YYYY-MM' });
  const from = `${month}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const d = await dashboard(deps, region, { from, to });
  const policy = getPolicy(region);
  const title = `${policy.shortName.zh}新生儿出生“一件事”办件监察月报（${month}）`;
  const { doc, bytes } = createPdf({ title, subject: 'supervision monthly report' }, 'landscape');
  const width = doc.page.width - 2 * MARGIN;
  doc.font('zh-bold').fontSize(16).text(title, MARGIN, MARGIN, { width, align: 'center' });
  doc.font('zh').fontSize(9).fillColor('#595959');
  doc.text(`统计期间：${from} 至 ${to}\u3000生成时间：${formatInstant(deps.clock.now())}`, {
    width,
    align: 'center',
  });
  doc.fillColor('#000').moveDown(0.5).fontSize(10).text('计量依据：');
  for (const line of d.measuredAgainst) doc.fontSize(9).text(`· ${line.zh}`, { width });

  const table = (id: string) => d.tables.find((t) => t.id === id)!;
  const num = (r: Row, k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
  const label = (r: Row, k: string) => cellText(r[k] ?? null, { key: k, label: { zh: '', en: '' } }, 'zh');
  const weeks = table('compliance-by-week').rows;
  const items = table('compliance-by-item').rows;
  const scores = table('ratings-by-score').rows;
  const top = doc.y + 10;
  const chartW = (width - 20) / 3;
  const chartH = 200;
  drawBarChart(
    doc,
    {
      title: '按周按时办结率',
      groups: weeks.map((r) => label(r, 'week').slice(5)),
      series: [{ name: '按时率', color: GREEN, values: weeks.map((r) => num(r, 'compliance')) }],
      max: 1,
      empty: '本月没有办结的事项',
      format: (v) => `${Math.round(v * 100)}%`,
    },
    MARGIN,
    top,
    chartW,
    chartH,
  );
  drawBarChart(
    doc,
    {
      title: '各事项用时（工作小时）',
      groups: items.map((r) => label(r, 'item').slice(0, 6)),
      series: [
        { name: '中位数', color: BLUE, values: items.map((r) => num(r, 'medianHours')) },
        { name: '90%用时', color: ORANGE, values: items.map((r) => num(r, 'p90Hours')) },
      ],
      empty: '本月没有办结的事项',
    },
    MARGIN + chartW + 10,
    top,
    chartW,
    chartH,
  );
  drawBarChart(
    doc,
    {
      title: '好差评与超时',
      groups: scores.map((r) => label(r, 'first')),
      series: [
        { name: '评价数', color: BLUE, values: scores.map((r) => num(r, 'ratings')) },
        { name: '其中超时办结', color: ORANGE, values: scores.map((r) => num(r, 'late')) },
      ],
      empty: '本月没有群众评价',
    },
    MARGIN + 2 * (chartW + 10),
    top,
    chartW,
    chartH,
  );
  doc.y = top + chartH + 10;
  for (const t of d.tables) printTable(doc, t.title.zh, t.columns, t.rows);
  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .font('zh')
      .fontSize(8)
      .fillColor('#595959')
      .text(`第 ${i + 1} 页，共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 6, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return { filename: `${region}-${month}-supervision.pdf`, pdf: await bytes };
}

function printTable(doc: Pdf, title: string, columns: Column[], rows: Row[]) {
  const width = doc.page.width - 2 * MARGIN;
  const colW = width / columns.length;
  const bottom = doc.page.height - MARGIN - 14;
  const rowH = (cells: string[]) =>
    Math.max(...cells.map((c) => doc.fontSize(7).heightOfString(c, { width: colW - 4 }))) + 4;
  const printRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'zh-bold' : 'zh').fontSize(7);
    const h = rowH(cells);
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    if (bold) doc.rect(MARGIN, y, width, h).fill('#f0f0f0');
    cells.forEach((c, i) => doc.fillColor('#000').text(c, MARGIN + i * colW + 2, y + 2, { width: colW - 4 }));
    doc
      .strokeColor('#bfbfbf')
      .lineWidth(0.4)
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .stroke();
    doc.y = y + h;
  };
  if (doc.y + 60 > bottom) doc.addPage();
  doc.moveDown(0.6).font('zh-bold').fontSize(11).fillColor('#000').text(title, MARGIN, doc.y, { width });
  doc.moveDown(0.2);
  printRow(
    columns.map((c) => c.label.zh),
    true,
  );
  for (const r of rows.slice(0, PRINTED_ROWS))
    printRow(
      columns.map((c) => cellText(r[c.key] ?? null, c, 'zh')),
      false,
    );
  doc.font('zh').fontSize(7).fillColor('#595959');
  doc.text(
    rows.length > PRINTED_ROWS
      ? `共 ${rows.length} 行，此处列出前 ${PRINTED_ROWS} 行；完整数据请导出 CSV。`
      : rows.length
        ? `共 ${rows.length} 行。`
        : '本期无数据。',
    MARGIN,
    doc.y + 2,
    { width },
  );
  doc.fillColor('#000');
}

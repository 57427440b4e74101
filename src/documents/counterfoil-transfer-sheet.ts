import type { LocalDate } from '../domain/local-date.ts';
import {
  MARGIN,
  cell,
  createPdf,
  dateFields,
  dateText,
  flow,
  measure,
  title,
  type Pdf,
  type Run,
} from './pdf/layout.ts';
import { FOOTER_H, pageFooters } from './pdf/footer.ts';
import { gridRow } from './pdf/form-grid.ts';

/**
 * 副页移交记录表: a batch of birth-certificate counterfoils (副页 / 第二联) handed from one
 * organisation to the next on their way to the police, one line per certificate, signed by both
 * sides. Zibo 000 四(一): last month's second copies by registering county, with a detail list, to
 * the county police's hukou section before the 10th. Fujian 003 附件1 三(一)2 and its 附件: hospital →
 * county health bureau → police, with a consistency list both sides sign (序号, 机构名称, 编号, 移交事由).
 * The receiver may tick each line and note what is missing or does not match; blank, those columns
 * are left to fill in by hand.
 */
export const TRANSFER_SHEET_TITLE = '《出生医学证明》副页（户口联）移交记录表';

type Maybe<T> = T | null | undefined;

export interface TransferLine {
  certificateNumber: string;
  babyName: string;
  sex: 'male' | 'female';
  birthDate: LocalDate;
  motherName: string;
  registeringCounty: string;
  /** 机构名称: the hospital that issued the certificate, where one sheet carries several hospitals'. */
  institution?: Maybe<string>;
  /** The receiver's tick: this counterfoil arrived. */
  acknowledged?: Maybe<boolean>;
  /** What the receiver found on checking it against the list. */
  check?: Maybe<{ status: 'received' | 'missing' | 'mismatched'; note?: Maybe<string> }>;
}

export interface TransferSide {
  /** The person who hands over or receives, printed beside the signature line. */
  person?: Maybe<string>;
  signaturePng?: Maybe<Buffer>;
  signedOn?: Maybe<LocalDate>;
}

export interface TransferSheetData {
  /** The region's name for the sheet (泉州市《出生医学证明》副页（户口联）移交记录表, 第二联明细表…). */
  title?: Maybe<string>;
  /** The organisations the counterfoils pass through, in order; at least two. */
  route: readonly string[];
  /** The hand-off this sheet records: from route[leg] to route[leg + 1]; the first when absent. */
  leg?: Maybe<number>;
  /** 县（市、区）: the registering county the batch was sorted by, if it was. */
  county?: Maybe<string>;
  /** The certificates issued in this period. */
  period: { from: LocalDate; to: LocalDate };
  /** 移交时间. */
  handedOverOn?: Maybe<LocalDate>;
  /** 移交事由. */
  reason?: Maybe<string>;
  /** The rule the transfer follows (document number and clause), printed under the list where it wraps. */
  basis?: Maybe<string>;
  /** In the order given; blank rows to write in when empty. */
  lines: readonly TransferLine[];
  sender?: TransferSide;
  receiver?: TransferSide;
}

const STATUS = { received: '已接收', missing: '缺失', mismatched: '不一致' } as const;
const ROW = 20;
const HEAD = 26;
const SIGNATURES_H = 96;
/** Rows printed for handwriting when the sheet is printed without lines. */
const BLANK_ROWS = 12;

interface Column {
  title: string;
  w: number;
  value: (l: TransferLine, n: number) => Run[] | string;
  align?: 'left' | 'center';
}

function columns(withInstitution: boolean, width: number): Column[] {
  const cols: Column[] = [
    { title: '序号', w: 32, value: (_, n) => String(n), align: 'center' },
    { title: '《出生医学证明》编号', w: 104, value: (l) => l.certificateNumber },
    { title: '新生儿姓名', w: 66, value: (l) => l.babyName },
    { title: '性别', w: 32, value: (l) => (l.sex === 'male' ? '男' : '女'), align: 'center' },
    { title: '出生日期', w: 88, value: (l) => dateText(l.birthDate), align: 'center' },
    { title: '母亲姓名', w: 66, value: (l) => l.motherName },
    { title: '落户区县', w: 96, value: (l) => l.registeringCounty },
  ];
  if (withInstitution) cols.push({ title: '机构名称', w: 120, value: (l) => l.institution ?? '' });
  cols.push({
    title: '接收确认',
    w: 52,
    value: (l) => [{ check: l.acknowledged === true, label: '' }],
    align: 'center',
  });
  const used = cols.reduce((s, c) => s + c.w, 0);
  cols.push({
    title: '核对情况（缺失 / 不一致及说明）',
    w: width - used,
    value: (l) => (l.check ? `${STATUS[l.check.status]}${l.check.note ? `：${l.check.note}` : ''}` : ''),
  });
  return cols;
}

export function renderTransferSheet(d: TransferSheetData): Promise<Buffer> {
  if (d.route.length < 2) throw new RangeError('a transfer needs at least two organisations');
  const leg = d.leg ?? 0;
  const sender = d.route[leg];
  const receiver = d.route[leg + 1];
  if (sender === undefined || receiver === undefined) throw new RangeError(`no hand-off ${leg} on the route`);
  const name = d.title ?? TRANSFER_SHEET_TITLE;
  const { doc, bytes } = createPdf({ title: name, subject: `${sender} → ${receiver}` }, 'landscape');
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - FOOTER_H;
  const cols = columns(
    d.lines.some((l) => l.institution),
    width,
  );

  let y = title(doc, name, MARGIN, 15) + 10;
  y = header(doc, y, d, sender, receiver) + 10;
  const tableHead = () => {
    let x = MARGIN;
    for (const c of cols) {
      const style = { label: true, oneLine: false, size: 9, min: 7, leading: 0.15 };
      cell(doc, { x, y, w: c.w, h: HEAD }, c.title, style);
      x += c.w;
    }
    y += HEAD;
  };
  const continued = () => {
    doc.addPage();
    y =
      MARGIN +
      flow(doc, `${name}（续）`, MARGIN, MARGIN, width, { size: 11, bold: true, align: 'center' }) +
      8;
  };
  tableHead();
  const rows: (TransferLine | null)[] = d.lines.length ? [...d.lines] : Array(BLANK_ROWS).fill(null);
  rows.forEach((line, i) => {
    const values = cols.map((c) => (line ? c.value(line, i + 1) : ''));
    // A long note makes its row taller rather than its text tiny.
    const h = Math.max(
      ROW,
      ...cols.map((c, k) => measure(doc, values[k]!, c.w - 6, { size: 8.5, leading: 0.2 }) + 6),
    );
    if (y + h > bottom) {
      continued();
      tableHead();
    }
    let x = MARGIN;
    cols.forEach((c, k) => {
      cell(doc, { x, y, w: c.w, h }, values[k], { size: 9, min: 7, leading: 0.2, align: c.align ?? 'left' });
      x += c.w;
    });
    y += h;
  });

  const basis = d.basis ? `依据：${d.basis}` : null;
  const notes = 10 + (basis ? measure(doc, basis, width, { size: 9 }) + 4 : 0);
  if (y + notes + SIGNATURES_H + 24 > bottom) continued();
  y += 8;
  if (d.lines.length) y += flow(doc, summary(d.lines), MARGIN, y, width, { size: 9.5 }) + 4;
  if (basis) y += flow(doc, basis, MARGIN, y, width, { size: 9 }) + 4;
  y += 4;
  signatures(doc, y, width, [
    ['移交', sender, d.sender],
    ['接收', receiver, d.receiver],
  ]);
  // 第 i 页 共 n 页 under each page, with the batch it belongs to.
  pageFooters(doc, `${sender} → ${receiver}\u3000${dateText(d.period.from)}至${dateText(d.period.to)}`);
  doc.end();
  return bytes;
}

/** 移交单位 / 接收单位, the period, the county and the date, as a grid above the list. */
function header(doc: Pdf, y: number, d: TransferSheetData, sender: string, receiver: string): number {
  const unit = (doc.page.width - 2 * MARGIN) / 24;
  const label = (text: string, span = 3) => ({ span, text, label: true });
  y = gridRow(doc, MARGIN, y, unit, ROW + 2, [
    label('移交单位'),
    { span: 6, text: sender },
    label('接收单位'),
    { span: 6, text: receiver },
    label('移交时间'),
    { span: 3, text: dateText(d.handedOverOn) },
  ]);
  y = gridRow(doc, MARGIN, y, unit, ROW + 2, [
    label('批次期间'),
    { span: 6, text: `${dateText(d.period.from)}至${dateText(d.period.to)}` },
    label('县（市、区）'),
    { span: 6, text: d.county ?? '' },
    label('份数'),
    { span: 3, text: d.lines.length ? `${d.lines.length} 份` : '' },
  ]);
  if (d.route.length > 2 || d.reason)
    y = gridRow(doc, MARGIN, y, unit, ROW + 2, [
      label('流转路线'),
      { span: 9, text: d.route.join(' → ') },
      label('移交事由'),
      { span: 9, text: d.reason ?? '' },
    ]);
  return y;
}

/** The batch's count, and once the receiver has checked it, what was acknowledged, missing or wrong. */
function summary(lines: readonly TransferLine[]): string {
  if (!lines.some((l) => l.acknowledged || l.check))
    return `本批共 ${lines.length} 份。接收方逐份核对后在“接收确认”栏打“✓”，缺失或不一致的在“核对情况”栏注明，双方签字确认。`;
  const count = (status: keyof typeof STATUS) => lines.filter((l) => l.check?.status === status).length;
  const acknowledged = lines.filter((l) => l.acknowledged).length;
  return `本批共 ${lines.length} 份；接收确认 ${acknowledged} 份；缺失 ${count('missing')} 份；不一致 ${count('mismatched')} 份。双方核对上列清单一致后签字确认。`;
}

const SIGNATURE: [number, number] = [120, 34];

/** The two sides' blocks, side by side: organisation (and room for its stamp), person, signature, date. */
function signatures(doc: Pdf, y: number, width: number, sides: [string, string, TransferSide | undefined][]) {
  const w = width / sides.length;
  sides.forEach(([role, organisation, side], i) => {
    const x = MARGIN + i * w;
    doc.rect(x, y, w, SIGNATURES_H).stroke();
    const inner = w - 16;
    let top = y + 8;
    top += flow(doc, `${role}单位（盖章）：${organisation}`, x + 8, top, inner, { size: 10 }) + 6;
    const signature: Run = side?.signaturePng
      ? { image: side.signaturePng, width: SIGNATURE[0], height: SIGNATURE[1], underline: true }
      : { field: null, width: SIGNATURE[0] };
    const person: Run[] = side?.person ? [{ gap: 8 }, `（${side.person}）`] : [];
    const line: Run[] = [{ gap: 0, height: SIGNATURE[1] }, `${role}人签字：`, signature, ...person];
    top += flow(doc, line, x + 8, top, inner, { size: 10 });
    flow(doc, ['日期：', dateFields(side?.signedOn, 10)], x + 8, top + 8, inner, { size: 10 });
  });
}

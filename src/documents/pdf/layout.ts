import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { parts, type LocalDate } from '../../domain/local-date.ts';

/**
 * What the paper forms of the documents are drawn with: A4 pages with Noto Sans SC (OFL, embedded
 * as a subset), lines of text that mix printed words, blanks to fill, tick boxes and signatures,
 * and grid cells that shrink their text until it fits. Layout only: no form knows another.
 */
const require = createRequire(import.meta.url);
const REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export type Pdf = PDFKit.PDFDocument;
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MARGIN = 36;
export const LINE_WIDTH = 0.6;
const LABEL_FILL = '#f0f0f0';
/** Noto Sans SC: a Chinese glyph spans 0.84 em above the baseline to 0.08 below; the baseline sits 1.16 em down. */
const GLYPH_TOP = 0.32;
const GLYPH_HEIGHT = 0.92;

/**
 * A new A4 document with the Chinese fonts registered, and the bytes it gives once `doc.end()` is called.
 * Tagged, it is a PDF 1.7 with a structure tree (see tagged.ts), in Chinese, titled in the viewer's bar.
 */
export function createPdf(
  info: { title: string; subject?: string },
  layout: 'portrait' | 'landscape' = 'portrait',
  options: { tagged?: boolean } = {},
): { doc: Pdf; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: MARGIN,
    bufferPages: true,
    info: { Title: info.title, ...(info.subject ? { Subject: info.subject } : {}) },
    ...(options.tagged ? { tagged: true, pdfVersion: '1.7', lang: 'zh-CN', displayTitle: true } : {}),
  });
  doc.registerFont('zh', REGULAR);
  doc.registerFont('zh-bold', BOLD);
  doc.font('zh').lineWidth(LINE_WIDTH);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** What a line of a form is made of. */
export type Run =
  /** Printed text; it breaks between Chinese characters and between words. */
  | string
  /** A blank to fill in, underlined: with its value when known, empty (at least `width` wide) when not. */
  | { field: string | number | null | undefined; width?: number }
  /** A box, ticked when chosen, kept on one line with its label. */
  | { check: boolean; label: string }
  /** A signature or a stamp, sitting on the line's baseline, on a signature line when underlined. */
  | { image: Buffer; width: number; height: number; underline?: boolean }
  /** Space across, and (with `height`) a line at least that tall. */
  | { gap: number; height?: number }
  /** Runs kept together on one line (a date and its 年月日). */
  | { keep: Run[] }
  | { br: true };

export interface TextStyle {
  size?: number;
  /** The smallest size a cell may shrink its text to. */
  min?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  pad?: number;
  /** Shrink as far as `min` to keep the text on one line before wrapping it (labels). */
  oneLine?: boolean;
  /** Extra space between lines, in em. */
  leading?: number;
}

type Piece =
  | { kind: 'text'; dx: number; w: number; text: string; underline: boolean }
  | { kind: 'line'; dx: number; w: number }
  | { kind: 'box'; dx: number; checked: boolean }
  | { kind: 'image'; dx: number; w: number; h: number; image: Buffer };
interface Atom {
  w: number;
  h: number;
  pieces: Piece[];
  space?: boolean;
  br?: boolean;
  /** Kept with the atom before it (closing punctuation) or after it (opening punctuation). */
  glueBefore?: boolean;
  glueAfter?: boolean;
}
interface Line {
  atoms: Atom[];
  w: number;
  h: number;
}

const CLOSING = '，。、；：？！）》」』”’%…·．,.;:!?)]';
const OPENING = '（《「『“‘([';
const WORD = /[A-Za-z0-9@#&+\-_./]/;

function textAtoms(doc: Pdf, text: string, size: number, underline: boolean): Atom[] {
  const out: Atom[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    let t = chars[i]!;
    if (t === '\n') {
      out.push({ w: 0, h: size, pieces: [], br: true });
      continue;
    }
    if (WORD.test(t)) while (i + 1 < chars.length && WORD.test(chars[i + 1]!)) t += chars[++i];
    const w = doc.fontSize(size).widthOfString(t);
    out.push({
      w,
      h: size,
      pieces: [{ kind: 'text', dx: 0, w, text: t, underline }],
      ...(t === ' ' && !underline ? { space: true } : {}),
      ...(CLOSING.includes(t) ? { glueBefore: true } : {}),
      ...(OPENING.includes(t) ? { glueAfter: true } : {}),
    });
  }
  return out;
}

function atomsOf(doc: Pdf, runs: Run[], size: number): Atom[] {
  const out: Atom[] = [];
  for (const r of runs) {
    if (typeof r === 'string') out.push(...textAtoms(doc, r, size, false));
    else if ('br' in r) out.push({ w: 0, h: size, pieces: [], br: true });
    else if ('keep' in r) out.push(merge(atomsOf(doc, r.keep, size).filter((a) => !a.br)));
    else if ('gap' in r) out.push({ w: r.gap, h: Math.max(size, r.height ?? 0), pieces: [] });
    else if ('image' in r) {
      const image: Piece = { kind: 'image', dx: 0, w: r.width, h: r.height, image: r.image };
      const line: Piece[] = r.underline ? [{ kind: 'line', dx: 0, w: r.width }] : [];
      out.push({ w: r.width, h: r.height, pieces: [image, ...line] });
    } else if ('check' in r) {
      const box = size * 0.85;
      const label = textAtoms(doc, r.label, size, false);
      const before = size * 0.2;
      out.push(
        merge([
          { w: before + box + size * 0.2, h: size, pieces: [{ kind: 'box', dx: before, checked: r.check }] },
          ...label,
        ]),
      );
    } else {
      const value = r.field === null || r.field === undefined ? '' : String(r.field);
      const min = r.width ?? size * 4;
      if (!value) {
        out.push({ w: min, h: size, pieces: [{ kind: 'line', dx: 0, w: min }] });
        continue;
      }
      const inner = textAtoms(doc, value, size, true);
      const pad = Math.max(size * 0.4, (min - inner.reduce((s, a) => s + a.w, 0)) / 2);
      const blank = (glue: 'glueBefore' | 'glueAfter'): Atom => ({
        w: pad,
        h: size,
        pieces: [{ kind: 'line', dx: 0, w: pad }],
        [glue]: true,
      });
      out.push(blank('glueAfter'), ...inner, blank('glueBefore'));
    }
  }
  return out;
}

/** One atom made of several, their pieces shifted along. */
function merge(atoms: Atom[]): Atom {
  const pieces: Piece[] = [];
  let w = 0;
  for (const a of atoms) {
    pieces.push(...a.pieces.map((p) => ({ ...p, dx: p.dx + w })));
    w += a.w;
  }
  return { w, h: Math.max(0, ...atoms.map((a) => a.h)), pieces, glueAfter: atoms.at(-1)?.glueAfter };
}

/** Atoms that must not be parted by a line break, joined. */
function glued(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  for (const a of atoms) {
    const prev = out.at(-1);
    if (prev && !prev.br && !a.br && (a.glueBefore || prev.glueAfter)) out[out.length - 1] = merge([prev, a]);
    else out.push(a);
  }
  return out;
}

function breakLines(atoms: Atom[], width: number, size: number): Line[] {
  const lines: Line[] = [];
  let cur: Atom[] = [];
  const close = () => {
    while (cur.at(-1)?.space) cur.pop();
    lines.push({
      atoms: cur,
      w: cur.reduce((s, a) => s + a.w, 0),
      h: Math.max(size, ...cur.map((a) => a.h)),
    });
    cur = [];
  };
  for (const a of glued(atoms)) {
    if (a.br) {
      close();
      continue;
    }
    const w = cur.reduce((s, x) => s + x.w, 0);
    if (cur.length && w + a.w > width + 0.01) close();
    if (a.space && !cur.length) continue;
    cur.push(a);
  }
  if (cur.length || !lines.length) close();
  return lines;
}

interface Laid {
  lines: Line[];
  height: number;
  size: number;
  font: string;
  gap: number;
}

function lay(doc: Pdf, runs: Run[] | string, width: number, size: number, style: TextStyle): Laid {
  const font = style.bold ? 'zh-bold' : 'zh';
  doc.font(font);
  const lines = breakLines(atomsOf(doc, typeof runs === 'string' ? [runs] : runs, size), width, size);
  const gap = size * (style.leading ?? 0.45);
  const height = lines.reduce((s, l) => s + l.h, 0) + gap * (lines.length - 1);
  return { lines, height, size, font, gap };
}

function draw(doc: Pdf, laid: Laid, x: number, y: number, width: number, align: TextStyle['align']): void {
  const { size } = laid;
  let top = y;
  doc.font(laid.font).fontSize(size);
  for (const line of laid.lines) {
    const left = x + (align === 'center' ? (width - line.w) / 2 : align === 'right' ? width - line.w : 0);
    const glyphTop = top + line.h - size;
    const textY = glyphTop - GLYPH_TOP * size;
    const underY = glyphTop + GLYPH_HEIGHT * size + size * 0.12;
    let ax = left;
    let pending: { x: number; end: number; text: string } | null = null;
    const flush = () => {
      if (pending) doc.text(pending.text, pending.x, textY, { lineBreak: false });
      pending = null;
    };
    for (const atom of line.atoms) {
      for (const p of atom.pieces) {
        const px = ax + p.dx;
        if (p.kind === 'text') {
          if (pending && Math.abs(pending.end - px) < 0.01) {
            pending.text += p.text;
            pending.end = px + p.w;
          } else {
            flush();
            pending = { x: px, end: px + p.w, text: p.text };
          }
          if (p.underline)
            doc
              .moveTo(px, underY)
              .lineTo(px + p.w, underY)
              .stroke();
        } else if (p.kind === 'line') {
          doc
            .moveTo(px, underY)
            .lineTo(px + p.w, underY)
            .stroke();
        } else if (p.kind === 'box') {
          const b = size * 0.85;
          doc.rect(px, glyphTop + (GLYPH_HEIGHT * size - b) / 2, b, b).stroke();
          if (p.checked) {
            flush();
            doc.text('✓', px + b * 0.08, textY - size * 0.02, { lineBreak: false });
          }
        } else {
          doc.image(p.image, px, top + line.h - p.h, { fit: [p.w, p.h], align: 'center', valign: 'bottom' });
        }
      }
      ax += atom.w;
    }
    flush();
    top += line.h + laid.gap;
  }
}

/** Text flowing from (x, y) across `width`, as far down as it needs; returns the height it took. */
export function flow(
  doc: Pdf,
  runs: Run[] | string,
  x: number,
  y: number,
  width: number,
  style: TextStyle = {},
) {
  const laid = lay(doc, runs, width, style.size ?? 10, style);
  draw(doc, laid, x, y, width, style.align);
  return laid.height;
}

/** The height `flow` would take. */
export function measure(doc: Pdf, runs: Run[] | string, width: number, style: TextStyle = {}): number {
  return lay(doc, runs, width, style.size ?? 10, style).height;
}

/** Text inside a box, at the largest size from `size` down to `min` at which it fits. */
export function fitIn(doc: Pdf, runs: Run[] | string, box: Box, style: TextStyle = {}): void {
  const pad = style.pad ?? 3;
  const width = box.w - 2 * pad;
  const height = box.h - 2 * pad;
  const size = style.size ?? 9;
  const min = style.min ?? Math.min(size, 6);
  const sizes: number[] = [];
  for (let s = size; s >= min - 0.001; s -= 0.5) sizes.push(s);
  const fits = (l: Laid) => l.height <= height + 0.01 && l.lines.every((line) => line.w <= width + 0.01);
  // A label shrinks as far as it must to stay on one line; a value a little, before it wraps.
  const oneLineFloor = style.oneLine ? min : size * 0.85;
  const attempts = [
    ...sizes.filter((s) => s >= oneLineFloor - 0.001).map((s) => [s, true] as const),
    ...sizes.map((s) => [s, false] as const),
  ];
  let chosen: Laid | undefined;
  for (const [s, oneLine] of attempts) {
    const laid = lay(doc, runs, width, s, style);
    if (fits(laid) && (!oneLine || laid.lines.length === 1)) {
      chosen = laid;
      break;
    }
  }
  chosen ??= lay(doc, runs, width, min, style);
  const top = style.valign === 'top' ? box.y + pad : box.y + (box.h - chosen.height) / 2;
  draw(doc, chosen, box.x + pad, top, width, style.align);
}

/** A cell's border, shaded behind a label. */
export function frame(doc: Pdf, box: Box, label?: boolean): void {
  if (label) doc.save().rect(box.x, box.y, box.w, box.h).fill(LABEL_FILL).restore();
  doc.rect(box.x, box.y, box.w, box.h).stroke();
}

/** A bordered cell with its text fitted inside; a label is shaded and centred. */
export function cell(
  doc: Pdf,
  box: Box,
  runs?: Run[] | string | null,
  style: TextStyle & { label?: boolean } = {},
): void {
  frame(doc, box, style.label);
  if (runs === undefined || runs === null || runs === '' || (Array.isArray(runs) && !runs.length)) return;
  fitIn(doc, runs, box, { ...(style.label ? { align: 'center', oneLine: true } : {}), ...style });
}

/** A title line, centred across the page's width; returns the y below it. */
export function title(doc: Pdf, text: string, y: number, size = 16): number {
  const width = doc.page.width - 2 * MARGIN;
  return y + flow(doc, text, MARGIN, y, width, { size, bold: true, align: 'center', leading: 0.3 });
}

const IDEOGRAPHIC_SPACE = '\u3000';
/** The blank of a paper form, as wide as `n` Chinese characters. */
export const blank = (n: number) => IDEOGRAPHIC_SPACE.repeat(n);

/** '2024年10月1日' when known; the blanks of a paper form when not. */
export function dateText(date: LocalDate | null | undefined): string {
  if (!date) return `${blank(3)}年${blank(2)}月${blank(2)}日`;
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** A date as three blanks to fill, kept on one line: 年, 月 and 日 each after its own underlined number. */
export function dateFields(date: LocalDate | null | undefined, size: number): Run {
  const p = date ? parts(date) : null;
  return {
    keep: [
      { field: p?.year, width: size * 3.2 },
      '年',
      { field: p?.month, width: size * 2 },
      '月',
      { field: p?.day, width: size * 2 },
      '日',
    ],
  };
}

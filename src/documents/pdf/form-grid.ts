import { MARGIN, cell, fitIn, flow, frame, measure, type Pdf, type Run, type TextStyle } from './layout.ts';
import { artifact, group, tagged, type Struct } from './tagged.ts';

/**
 * A government form's grid, tagged: sections down the page, each with its name in a shaded column on
 * the left and its rows of boxed cells (a shaded label cell before its value) on 24 units across. A row
 * grows to the text it holds, so a long address wraps inside its cell; a section that does not fit
 * the page goes on to the next, its header rows repeated. Each section is a Sect with its name (H2)
 * and a Table of rows (TR) of header (TH) and data (TD) cells. `gridRow` draws one row of fixed height
 * untagged, for papers that place their rows themselves (the Tongchuan attachments, the transfer sheet).
 */
export const UNITS = 24;
/** A row's least height where the form does not say. */
export const ROW_H = 24;
const NAME_W = 46;
const NAME_SIZE = 9.5;
const PAD = 3;
const CELL_SIZE = 9;

export interface GridCell {
  span: number;
  text?: Run[] | string | null;
  label?: boolean;
  style?: TextStyle;
}

/** One row of cells on a grid of equal units, from (x, y), `h` high; returns the y below it. */
export function gridRow(doc: Pdf, x: number, y: number, unit: number, h: number, cells: GridCell[]): number {
  let left = x;
  for (const c of cells) {
    const w = c.span * unit;
    cell(doc, { x: left, y, w, h }, c.text, { ...(c.label ? { label: true } : {}), ...c.style });
    left += w;
  }
  return y + h;
}

export interface FormRow {
  cells: GridCell[];
  /** The least height; the row grows to fit its text. */
  h?: number;
  /** The table's column headings: drawn again above the rest of a section continued on a new page. */
  header?: boolean;
}
export interface FormSection {
  name: string;
  rows: FormRow[];
}

export interface GridArea {
  /** Where the grid may run down to on every page. */
  bottom: number;
  /** Starts a new page and returns the y the grid resumes at. */
  newPage: () => number;
  /** The least height of a row that does not set its own (ROW_H when absent). */
  rowH?: number;
}

const styleOf = (c: GridCell): TextStyle => ({
  size: CELL_SIZE,
  ...(c.label ? { align: 'center' as const, oneLine: true } : {}),
  ...c.style,
});

/**
 * A row's height: its least height, or what its tallest cell needs. As fitIn does, a text that fits
 * on one line a little smaller stays on one line; a longer one wraps at its own size.
 */
function rowHeight(doc: Pdf, row: FormRow, unit: number, rowH: number): number {
  let h = row.h ?? rowH;
  for (const c of row.cells) {
    if (c.text === undefined || c.text === null || c.text === '') continue;
    const style = styleOf(c);
    const pad = style.pad ?? PAD;
    const width = c.span * unit - 2 * pad;
    const size = style.size ?? CELL_SIZE;
    // fitIn's smallest size before it wraps: half points down from the size, to 85 % of it.
    const least = size - 0.5 * Math.floor((size * 0.15) / 0.5 + 1e-9);
    const oneLine = measure(doc, c.text, width, { ...style, size: least }) <= least + 0.01;
    const text = oneLine ? size : measure(doc, c.text, width, style);
    h = Math.max(h, text + 2 * pad + 4);
  }
  return Math.ceil(h);
}

const unitOf = (doc: Pdf) => (doc.page.width - 2 * MARGIN - NAME_W) / UNITS;

/** How tall the sections are, drawn on one page with rows at least `rowH` high. */
export function sectionsHeight(doc: Pdf, sections: FormSection[], rowH = ROW_H): number {
  const unit = unitOf(doc);
  return sections.reduce((t, s) => t + s.rows.reduce((a, r) => a + rowHeight(doc, r, unit, rowH), 0), 0);
}

/** A section name read downwards where the section is tall enough, else across (wrapping). */
function sectionName(name: string, height: number): string {
  const chars = [...name];
  const downwards = chars.length * NAME_SIZE * 1.2 + 2 * PAD;
  return downwards <= height ? chars.join('\n') : name;
}

function drawRow(doc: Pdf, table: Struct, x: number, y: number, unit: number, h: number, row: FormRow) {
  if (row.cells.reduce((s, c) => s + c.span, 0) !== UNITS)
    throw new Error('a form row does not fill the grid');
  const tr = group(doc, table, 'TR');
  let left = x;
  for (const c of row.cells) {
    const box = { x: left, y, w: c.span * unit, h };
    artifact(doc, () => frame(doc, box, c.label));
    const text = c.text;
    const draw = () => {
      if (text !== undefined && text !== null && text !== '') fitIn(doc, text, box, styleOf(c));
    };
    const header = c.label || row.header;
    tagged(doc, tr, header ? 'TH' : 'TD', draw, header ? { scope: row.header ? 'Column' : 'Row' } : {});
    left += box.w;
  }
  tr.end();
}

/** One section's name cell beside the rows from `top` to `bottom`. */
function drawName(doc: Pdf, name: string, y: number, h: number, heading: Struct | null): void {
  const box = { x: MARGIN, y, w: NAME_W, h };
  artifact(doc, () => frame(doc, box, true));
  const draw = () =>
    fitIn(doc, sectionName(name, h), box, {
      size: NAME_SIZE,
      min: 7,
      bold: true,
      align: 'center',
      leading: 0.2,
    });
  // Its first part is the section's heading; the name again beside a continuation is page furniture.
  if (heading) heading.add(draw);
  else artifact(doc, draw, 'Pagination');
}

/** The sections from `y` down, over as many pages as they take; returns the y below the last. */
export function drawSections(
  doc: Pdf,
  parent: Struct,
  sections: FormSection[],
  y: number,
  area: GridArea,
): number {
  const x = MARGIN + NAME_W;
  const unit = unitOf(doc);
  for (const s of sections) {
    const heights = s.rows.map((r) => rowHeight(doc, r, unit, area.rowH ?? ROW_H));
    const total = heights.reduce((a, b) => a + b, 0);
    // A section that fits on a page is kept whole; a longer one starts here and runs on.
    if (y + total > area.bottom && total <= area.bottom - MARGIN - 60) y = area.newPage();
    const sect = group(doc, parent, 'Sect');
    const heading = group(doc, sect, 'H2', { actual: s.name });
    const table = group(doc, sect, 'Table');
    const headers = s.rows.flatMap((r, k) => (r.header ? [{ r, h: heights[k]! }] : []));
    // A heading row goes on a page only with the row below it.
    const fits = (at: number, k: number) =>
      at + heights[k]! + (s.rows[k]!.header && k + 1 < s.rows.length ? heights[k + 1]! : 0) <= area.bottom;
    let i = 0;
    while (i < s.rows.length) {
      const first = i === 0;
      const chunk = first ? [] : [...headers];
      if (y + chunk.reduce((a, b) => a + b.h, 0) + heights[i]! > area.bottom) y = area.newPage();
      let end = y + chunk.reduce((a, b) => a + b.h, 0);
      do {
        chunk.push({ r: s.rows[i]!, h: heights[i]! });
        end += heights[i]!;
        i++;
      } while (i < s.rows.length && fits(end, i));
      // The name first, so the text reads in order: the section's name, then its rows.
      drawName(doc, s.name, y, end - y, first ? heading : null);
      for (const { r, h } of chunk) {
        drawRow(doc, table, x, y, unit, h, r);
        y += h;
      }
      if (i < s.rows.length) y = area.newPage();
    }
    heading.end();
    table.end();
    sect.end();
  }
  return y;
}

/** A note under the grid, across the page; returns the y below it. */
export function note(doc: Pdf, parent: Struct, text: string, y: number, size = 8): number {
  const width = doc.page.width - 2 * MARGIN;
  let h = 0;
  tagged(doc, parent, 'P', () => {
    h = flow(doc, text, MARGIN, y, width, { size, leading: 0.35 });
  });
  return y + h;
}

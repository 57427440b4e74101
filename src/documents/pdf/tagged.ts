import type { Pdf } from './layout.ts';

/**
 * The structure of a tagged PDF (createPdf with `tagged`), for screen readers and for text that
 * extracts in reading order: headings, paragraphs and tables of header and data cells, each element
 * added under its parent in the order it is read. Borders, shading and page furniture are artifacts,
 * which a reader skips.
 */
export type Struct = PDFKit.PDFStructureElement;

/** pdfkit writes `scope` as the table attribute a header cell needs; its types do not list it. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

/** The document's root element; the tree is written when the document ends. */
export function structureRoot(doc: Pdf): Struct {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return root;
}

/** A grouping element (Sect, Table, TR) under `parent`; call `end()` on it once its children are added. */
export function group(doc: Pdf, parent: Struct, type: string, options: StructOptions = {}): Struct {
  const el = doc.struct(type, options);
  parent.add(el);
  return el;
}

/**
 * Content drawn now by `draw`, tagged as a `type` element under `parent`. The parent is already in the
 * tree, so pdfkit runs the drawing at once, on the current page.
 */
export function tagged(
  doc: Pdf,
  parent: Struct,
  type: string,
  draw: () => void,
  options: StructOptions = {},
) {
  const el = group(doc, parent, type, options);
  el.add(draw);
  el.end();
  return el;
}

/** Drawing that is not content: rules, cell borders and shading (Layout), running footers (Pagination). */
export function artifact(doc: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

import { MARGIN, flow, type Pdf } from './layout.ts';
import { artifact } from './tagged.ts';

/** The room a page keeps at its foot for the footer. */
export const FOOTER_H = 18;

/**
 * Under every page once all are drawn (the document buffers its pages): what the paper belongs to on
 * the left (a case number, a batch), 第 x 页 共 y 页 on the right, in English too when asked. In a
 * tagged document the footer is a pagination artifact, which a reader skips.
 */
export function pageFooters(doc: Pdf, left: string, o: { english?: boolean; tagged?: boolean } = {}): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - FOOTER_H + 6;
    const width = doc.page.width - 2 * MARGIN;
    const n = i - start + 1;
    const page = `第 ${n} 页 共 ${count} 页${o.english ? ` / page ${n} of ${count}` : ''}`;
    const draw = () => {
      flow(doc, left, MARGIN, y, width * 0.7, { size: 8 });
      flow(doc, page, MARGIN, y, width, { size: 8, align: 'right' });
    };
    if (o.tagged) artifact(doc, draw, 'Pagination');
    else draw();
  }
}

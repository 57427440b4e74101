import { execFileSync } from 'node:child_process';

/**
 * Reading a rendered PDF back with poppler (installed by .ci/run): its text in drawing order with
 * the whitespace taken out, so a label reads straight into its value (`婴儿姓名王小川`); its first
 * page as a PNG; and how many images (signatures) it embeds.
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

export function pdfPages(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Images drawn in the PDF, masks aside. */
export function pdfImages(pdf: Buffer): number {
  const list = execFileSync('pdfimages', ['-list', '-'], { input: pdf }).toString('utf8');
  return list.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l)).length;
}

/** The first page at `dpi`, as PNG bytes, with its size in pixels from the PNG header. */
export function firstPagePng(pdf: Buffer, dpi = 60): { png: Buffer; width: number; height: number } {
  const png = execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-'], {
    input: pdf,
  });
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

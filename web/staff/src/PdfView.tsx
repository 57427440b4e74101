import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLang, useT } from '../../citizen/src/i18n.tsx';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * A PDF drawn page by page into the page with PDF.js, so it reads the same in every browser
 * (some, and every headless one, have no PDF viewer for an embedded frame).
 */
export function PdfView({ blob, url }: { blob: Blob; url: string }) {
  const t = useT();
  const { lang } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const words = useRef<string[]>([]);
  const [failed, setFailed] = useState(false);
  const [pages, setPages] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const target = box.current!;
    target.replaceChildren();
    words.current = [];
    setPages(0);
    void (async () => {
      const pdf = await getDocument({ data: new Uint8Array(await blob.arrayBuffer()) }).promise;
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: 1.5 });
        const canvas = document.createElement('canvas');
        Object.assign(canvas, { width: viewport.width, height: viewport.height });
        Object.assign(canvas.style, { width: '100%', border: '1px solid #eee', marginBottom: '8px' });
        words.current[n - 1] = (await page.getTextContent()).items
          .map((i) => ('str' in i ? i.str : ''))
          .join('');
        target.append(canvas);
        await page.render({ canvas, viewport }).promise;
        if (!cancelled) setPages(n);
      }
    })().catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [blob]);
  // A drawn page is a picture to a screen reader: each is named by the words on it, in the page's
  // language, without drawing the pages again when the language changes.
  useEffect(() => {
    box.current?.querySelectorAll('canvas').forEach((canvas, i) => {
      canvas.setAttribute('role', 'img');
      canvas.setAttribute(
        'aria-label',
        `${lang === 'zh' ? `第 ${i + 1} 页：` : `Page ${i + 1}: `}${words.current[i] ?? ''}`,
      );
    });
  }, [lang, pages]);
  return (
    <div data-testid="document-view" data-pages={pages}>
      {failed && (
        <p>{t('无法显示这份文件，请下载后查看。', 'This file cannot be shown here; download it instead.')}</p>
      )}
      <div ref={box} />
      <Typography.Link href={url} download>
        {t('下载', 'Download')}
      </Typography.Link>
    </div>
  );
}

import type { LocalDate } from '../../domain/local-date.ts';
import { MARGIN, createPdf, dateFields, flow, title, type Pdf, type Run } from '../pdf/layout.ts';

/**
 * 达州市通川区"新生儿出生一件事"联办资料收件回执 (002 附件2): what the joint window took from the
 * family, the six materials of the attachment each ticked when received, and the signatures of the
 * one who handed them over and the one who received them.
 */
export const MATERIALS_RECEIPT_TITLE = '达州市通川区“新生儿出生一件事”联办资料收件回执';

/** 附件2's six materials, by the ids the Tongchuan policy gives them, in the attachment's words. */
export const RECEIPT_MATERIALS = [
  { id: 'marriage-certificate', label: '结婚证原件' },
  { id: 'parents-id-cards', label: '新生儿父母身份证原件' },
  { id: 'hukou-book', label: '户口本（上户方）原件' },
  { id: 'birth-certificate-pages', label: '出生医学证明（正页、副页）' },
  { id: 'application-form', label: '达州市通川区“新生儿出生一件事”联办申请表' },
  { id: 'authorization-letter', label: '达州市通川区“新生儿出生一件事”联办授权委托书' },
] as const;
export type ReceiptMaterial = (typeof RECEIPT_MATERIALS)[number]['id'];

type Maybe<T> = T | null | undefined;
export interface MaterialsReceiptData {
  caseId?: Maybe<string>;
  /** Whom the receipt is for: the mother's and the baby's names, printed above the list when given. */
  applicant?: Maybe<string>;
  baby?: Maybe<string>;
  received?: readonly ReceiptMaterial[];
  /** 交接人员: who handed the materials over. */
  handedOverBy?: { signaturePng?: Maybe<Buffer> };
  /** 接收人员: who received them. */
  receivedBy?: { signaturePng?: Maybe<Buffer> };
  date?: Maybe<LocalDate>;
}

const SIZE = 13;

export function renderMaterialsReceipt(d: MaterialsReceiptData): Promise<Buffer> {
  const { doc, bytes } = createPdf({
    title: MATERIALS_RECEIPT_TITLE,
    ...(d.caseId ? { subject: d.caseId } : {}),
  });
  const x = MARGIN + 12;
  const width = doc.page.width - 2 * MARGIN - 24;
  const received = new Set<string>(d.received ?? []);

  let y = title(doc, MATERIALS_RECEIPT_TITLE, MARGIN + 30, 17) + 8;
  if (d.caseId) flow(doc, `办件编号：${d.caseId}`, x, y, width, { size: 9, align: 'right' });
  y += 28;
  if (d.applicant || d.baby) {
    const who = [d.applicant ? `申请人：${d.applicant}` : '', d.baby ? `新生儿：${d.baby}` : ''];
    y += flow(doc, who.filter(Boolean).join('\u3000\u3000'), x, y, width, { size: 11 }) + 14;
  }
  y +=
    flow(
      doc,
      '\u3000\u3000兹收取以下材料办理达州通川区“新生儿出生一件事”多证联办事宜，收取材料清单如下：',
      x,
      y,
      width,
      { size: SIZE, leading: 0.9 },
    ) + 16;
  RECEIPT_MATERIALS.forEach((m, i) => {
    const end = i === RECEIPT_MATERIALS.length - 1 ? '。' : '；';
    const runs: Run[] = ['\u3000\u3000', { check: received.has(m.id), label: `${i + 1}. ${m.label}${end}` }];
    y += flow(doc, runs, x, y, width, { size: SIZE }) + 14;
  });
  flow(doc, `（已收取的材料在方框内打“✓”，共收取 ${received.size} 项）`, x, y, width, { size: 9.5 });

  y += 50;
  y = signature(doc, y, '交接人员签字：', d.handedOverBy?.signaturePng) + 18;
  y = signature(doc, y, '接收人员签字：', d.receivedBy?.signaturePng) + 24;
  flow(doc, [dateFields(d.date, SIZE)], x, y, width, { size: SIZE, align: 'right' });
  doc.end();
  return bytes;
}

const SIGNATURE: [number, number] = [130, 40];

function signature(doc: Pdf, y: number, label: string, png: Maybe<Buffer>): number {
  const left = doc.page.width / 2 - 20;
  const line: Run = png
    ? { image: png, width: SIGNATURE[0], height: SIGNATURE[1], underline: true }
    : { field: null, width: SIGNATURE[0] };
  return (
    y +
    flow(doc, [{ gap: 0, height: SIGNATURE[1] }, label, line], left, y, doc.page.width - MARGIN - left, {
      size: SIZE,
    })
  );
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { canonicalJson } from '../domain/canonical-json.ts';

/**
 * 收件回执: the receipt a parent gets on submission. Its QR code carries a link with the case
 * number, the submission time, the form digest and an HMAC over them, so anyone holding the
 * receipt (a clerk at a window, say) can check it is genuine without seeing the family's data.
 */
export interface ReceiptFacts {
  caseId: string;
  submittedAt: string;
  formDigest: string;
}

export function receiptToken(key: string, r: ReceiptFacts): string {
  return createHmac('sha256', key).update(canonicalJson(r)).digest('hex');
}

export function receiptTokenValid(key: string, r: ReceiptFacts, token: string): boolean {
  const expected = Buffer.from(receiptToken(key, r), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(token) ? token : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function receipt(key: string, r: ReceiptFacts, baseUrl: string) {
  const query = new URLSearchParams({ ...r, token: receiptToken(key, r) });
  const verifyUrl = `${baseUrl}/verify/receipt?${query.toString()}`;
  return {
    ...r,
    verifyUrl,
    qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { fieldError } from '../domain/error.ts';

/**
 * Department systems sign what they send: HMAC-SHA256 over `${METHOD}\n${path?query}\n${timestamp}\n${raw body}`
 * with the department's key, in `x-signature`, with `x-department` and `x-timestamp` (Unix ms).
 * Method and path are signed so a signature captured on one route cannot be used on another. A
 * request outside the replay window is refused; within it, the decision's transaction id makes a
 * replay harmless.
 */
export const REPLAY_WINDOW_MS = 5 * 60_000;

export function sign(key: string, method: string, path: string, timestamp: string, body: string): string {
  return createHmac('sha256', key)
    .update(`${method.toUpperCase()}\n${path}\n${timestamp}\n${body}`)
    .digest('hex');
}

/**
 * Who signed the request, by the `x-department` header (or another sender header, such as a payment
 * provider's `x-provider`): a sender with a key, a timestamp within the window, and a signature
 * over this method, path, timestamp and body.
 */
export function verifySignature<S extends string>(
  keys: Partial<Record<S, string>>,
  request: {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    rawBody?: string;
  },
  now: Date,
  senderHeader = 'x-department',
): S {
  const { headers } = request;
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const unauthorized = (field: string, text: { zh: string; en: string }) =>
    fieldError('UNAUTHORIZED', field, text);
  const sender = header(senderHeader) ?? '';
  const key = Object.hasOwn(keys, sender) ? keys[sender as S] : undefined;
  if (!key) throw unauthorized(senderHeader, { zh: '未知的发送方', en: 'unknown sender' });
  const timestamp = header('x-timestamp') ?? '';
  const ts = Number(timestamp);
  if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now.getTime() - ts) > REPLAY_WINDOW_MS) {
    throw unauthorized('x-timestamp', {
      zh: '时间戳缺失或超出5分钟有效期',
      en: 'missing, or outside the 5-minute window',
    });
  }
  const expected = Buffer.from(
    sign(key, request.method, request.url, timestamp, request.rawBody ?? ''),
    'hex',
  );
  const given = Buffer.from(header('x-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('x-signature', { zh: '签名无效', en: 'signature does not match' });
  }
  return sender as S;
}

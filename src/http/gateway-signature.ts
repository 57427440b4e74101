import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fieldError } from '../domain/error.ts';

/**
 * Department systems (and payment providers) sign what they send: HMAC-SHA256 over
 * `${METHOD}\n${path?query}\n${timestamp}\n${nonce}\n${raw body}` with the sender's key, in
 * `x-signature`, with `x-department` (or `x-provider`), `x-timestamp` (Unix ms) and `x-nonce`.
 * Method and path are signed so a signature captured on one route cannot be used on another; the
 * timestamp bounds how long a captured request is worth anything, and the nonce, remembered for
 * that window, makes it worth nothing a second time.
 */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** 16 to 64 letters, digits, `-` or `_`: a UUID or 16 random bytes in hex both do. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function sign(
  key: string,
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return createHmac('sha256', key)
    .update(`${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${body}`)
    .digest('hex');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The headers of one signed request, with a fresh nonce: what the reference clients and tests send. */
export function signedHeaders(o: {
  sender: string;
  key: string;
  method: string;
  /** The path with its query, exactly as sent. */
  path: string;
  body?: string;
  at: Date;
  senderHeader?: string;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(o.at.getTime());
  const nonce = o.nonce ?? newNonce();
  return {
    [o.senderHeader ?? 'x-department']: o.sender,
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-signature': sign(o.key, o.method, o.path, timestamp, nonce, o.body ?? ''),
  };
}

type SignedRequest = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: string;
};

const unauthorized = (field: string, text: { zh: string; en: string }) =>
  fieldError('UNAUTHORIZED', field, text);

const header = (headers: SignedRequest['headers'], name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Who signed the request, by the `x-department` header (or another sender header, such as a payment
 * provider's `x-provider`): a sender with a key, a timestamp within the window, a nonce, and a
 * signature over this method, path, timestamp, nonce and body. Whether the nonce was used before is
 * the caller's to ask (`verifySigned` asks the shared replay cache).
 */
export function verifySignature<S extends string>(
  keys: Partial<Record<S, string>>,
  request: SignedRequest,
  now: Date,
  senderHeader = 'x-department',
): S {
  const { headers } = request;
  const sender = header(headers, senderHeader) ?? '';
  const key = Object.hasOwn(keys, sender) ? keys[sender as S] : undefined;
  if (!key)
    throw unauthorized(senderHeader, { zh: '缺失或未知的发送方', en: 'missing, or an unknown sender' });
  const timestamp = header(headers, 'x-timestamp') ?? '';
  const ts = Number(timestamp);
  if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now.getTime() - ts) > REPLAY_WINDOW_MS) {
    throw unauthorized('x-timestamp', {
      zh: '时间戳缺失或超出5分钟有效期',
      en: 'missing, or outside the 5-minute window',
    });
  }
  const nonce = header(headers, 'x-nonce') ?? '';
  if (!NONCE_PATTERN.test(nonce)) {
    throw unauthorized('x-nonce', {
      zh: '缺失或格式不对（16至64位字母、数字、“-”或“_”，每个请求不同）',
      en: 'missing or malformed (16 to 64 letters, digits, - or _, new for every request)',
    });
  }
  const expected = Buffer.from(
    sign(key, request.method, request.url, timestamp, nonce, request.rawBody ?? ''),
    'hex',
  );
  const given = Buffer.from(header(headers, 'x-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('x-signature', { zh: '缺失或签名无效', en: 'missing, or does not match' });
  }
  return sender as S;
}

/**
 * Remembers a nonce until `until`; false when the sender used it before (a replay). Shared by every
 * server (the store), so a request replayed to another server is refused there too.
 */
export type NonceCache = (sender: string, nonce: string, until: Date) => Promise<boolean>;

/** verifySignature, then the replay cache: a correctly signed request is taken once, never twice. */
export async function verifySigned<S extends string>(
  keys: Partial<Record<S, string>>,
  request: SignedRequest,
  now: Date,
  firstUse: NonceCache,
  senderHeader = 'x-department',
): Promise<S> {
  const sender = verifySignature(keys, request, now, senderHeader);
  // Kept as long as the timestamp would pass: until the signing time plus the window.
  const until = new Date(Number(header(request.headers, 'x-timestamp')) + REPLAY_WINDOW_MS);
  const scope = `${senderHeader}:${sender}`;
  if (!(await firstUse(scope, header(request.headers, 'x-nonce')!, until))) {
    throw unauthorized('x-nonce', {
      zh: '这个签名请求已经收到过（重放），不再受理；请用新的随机数重新签名后发送',
      en: 'this signed request was received before (a replay) and is not taken again; sign it afresh with a new nonce',
    });
  }
  return sender;
}

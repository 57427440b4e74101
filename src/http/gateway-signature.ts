import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/error.ts';
import { DepartmentId } from '../domain/ids.ts';

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

export function verifySignature(
  keys: Partial<Record<DepartmentId, string>>,
  request: {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    rawBody?: string;
  },
  now: Date,
): DepartmentId {
  const { headers } = request;
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const unauthorized = (field: string, zh: string, en: string) =>
    new AppError('UNAUTHORIZED', { zh: `${field}：${zh}`, en: `${field}: ${en}` }, { field });
  const department = DepartmentId.safeParse(header('x-department'));
  if (!department.success || !keys[department.data])
    throw unauthorized('x-department', '未知的部门', 'unknown department');
  const timestamp = header('x-timestamp') ?? '';
  const ts = Number(timestamp);
  if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now.getTime() - ts) > REPLAY_WINDOW_MS) {
    throw unauthorized(
      'x-timestamp',
      '时间戳缺失或超出5分钟有效期',
      'missing, or outside the 5-minute window',
    );
  }
  const expected = Buffer.from(
    sign(keys[department.data]!, request.method, request.url, timestamp, request.rawBody ?? ''),
    'hex',
  );
  const given = Buffer.from(header('x-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw unauthorized('x-signature', '签名无效', 'signature does not match');
  return department.data;
}

import { fieldLabel } from './labels.ts';
import type { Bilingual } from './text.ts';

/**
 * The one error type. Every code maps to one HTTP status, once, here, so the HTTP layer and the
 * CLI report the same thing the same way. Messages name the field in Chinese and English.
 *
 * | code                 | HTTP | meaning                                                            |
 * |----------------------|------|--------------------------------------------------------------------|
 * | INVALID_INPUT        | 400  | input failed its schema; `details.issues` names each field          |
 * | UNAUTHORIZED         | 401  | a signature, timestamp or login is missing, wrong or out of window  |
 * | NOT_FOUND            | 404  | no case, item or task with that id (for this caller)                |
 * | UNKNOWN_REGION       | 404  | no policy is registered under that region id                        |
 * | CONFLICT             | 409  | the step is not allowed in the item's or case's current state       |
 * | PAYLOAD_TOO_LARGE    | 413  | the body (an upload, say) is larger than the route takes            |
 * | TOO_MANY_REQUESTS    | 429  | a rate limit of the route was reached; `retryAfterSeconds` says when |
 * | INVALID_POLICY       | 500  | a region policy failed definePolicy()'s parse or cross-checks       |
 * | CALENDAR_NOT_COVERED | 503  | a working-day count reached a year with no official arrangement     |
 * | REGISTRY_UNAVAILABLE | 503  | a shared-data registry did not answer, or broke its contract        |
 */
export const ERROR_CODES = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNKNOWN_REGION: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INVALID_POLICY: 500,
  CALENDAR_NOT_COVERED: 503,
  REGISTRY_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `mother.idNumber`. */
  field: string;
  message: Bilingual;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  readonly messages: Bilingual;
  readonly details: { issues?: FieldIssue[]; [key: string]: unknown };

  constructor(code: ErrorCode, messages: Bilingual, details: AppError['details'] = {}) {
    super(`${code}: ${messages.en}`);
    this.name = 'AppError';
    this.code = code;
    this.httpStatus = ERROR_CODES[code];
    this.messages = messages;
    this.details = details;
  }

  toJSON() {
    return { code: this.code, message: this.messages, ...this.details };
  }
}

/**
 * An error about one field, its message led by the field's label in each language (never its
 * code name). `details` carries what an integrator may need besides. A `label` given as null (a
 * material the policy does not name, say) falls back to the field's own label.
 */
export function fieldError(
  code: ErrorCode,
  field: string,
  text: Bilingual,
  details: AppError['details'] = {},
  label: Bilingual | null = fieldLabel(field),
): AppError {
  const l = label ?? fieldLabel(field) ?? { zh: '请求内容', en: 'The request' };
  return new AppError(code, { zh: `${l.zh}：${text.zh}`, en: `${l.en}: ${text.en}` }, { field, ...details });
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../domain/error.ts';
import { isCleanText } from '../domain/text.ts';
import { logError } from '../log.ts';

/**
 * Every error leaves in the one shape — { error: { code, message: { zh, en }, field, issues } } —
 * naming the field by its label and wholly Chinese in Chinese. Bad input is never a 500, not even
 * when only the database notices it; a 500 is logged without the values that caused it.
 */

/**
 * The path of the first string holding NUL or another control character, or a lone surrogate; for
 * such a key, the path of the object holding it (the key is no field, so it has no label, and the
 * answer should not echo it).
 */
export function uncleanTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${k}` : k;
    if (!isCleanText(k)) return path || here;
    const found = uncleanTextPath(v, here);
    if (found) return found;
  }
  return null;
}

export const UNCLEAN_TEXT = {
  zh: '含有控制字符或无效的文字编码，请删除后重试',
  en: 'contains control characters or invalid text; remove them and try again',
};

/** PostgreSQL refusing a value it was given: data exceptions (class 22) and limits (54). */
function isInputRefusedByDatabase(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|54)[0-9A-Z]{3}$/.test(code);
}

function toAppError(error: FastifyError | Error, req: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error;
  const f = error as FastifyError;
  if (f.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || f.statusCode === 413) {
    const upload = req.url.startsWith('/api/citizen/uploads');
    return fieldError(
      'PAYLOAD_TOO_LARGE',
      upload ? 'dataUrl' : 'body',
      upload
        ? {
            zh: '文件过大，请压缩或重新拍摄后再上传（不超过 1.5 MB）',
            en: 'the file is too large; compress it or take the photo again (at most 1.5 MB)',
          }
        : { zh: '内容过大，无法处理', en: 'is too large to process' },
    );
  }
  if (f.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || f.statusCode === 415) {
    return fieldError('INVALID_INPUT', 'body', { zh: '请以 JSON 格式发送', en: 'send it as JSON' });
  }
  if (isInputRefusedByDatabase(error)) {
    return fieldError('INVALID_INPUT', 'body', {
      zh: '含有无法保存的内容，请检查后重试',
      en: 'holds something that cannot be stored; check it and try again',
    });
  }
  if (f.statusCode && f.statusCode < 500) {
    return fieldError('INVALID_INPUT', 'body', {
      zh: '无法处理这个请求',
      en: `cannot be processed (${f.message})`,
    });
  }
  return null;
}

export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const known = toAppError(error, req);
  if (known) return reply.status(known.httpStatus).send({ error: known.toJSON() });
  const params = (req.params ?? {}) as Record<string, unknown>;
  const caseId = params.caseId ?? (req.routeOptions.url?.includes('/cases/:id') ? params.id : undefined);
  const incident = logError(
    {
      where: `${req.method} ${req.routeOptions.url ?? ''}`,
      code: 'INTERNAL',
      ...(typeof caseId === 'string' ? { caseId } : {}),
    },
    error,
  );
  return reply.status(500).send({
    error: {
      code: 'INTERNAL',
      message: {
        zh: `服务器内部错误，请稍后再试（事件号 ${incident}）`,
        en: `internal error; please try again later (incident ${incident})`,
      },
      incident,
    },
  });
}

export function handleNotFound(req: FastifyRequest, reply: FastifyReply) {
  const e = fieldError('NOT_FOUND', 'path', { zh: '没有这个地址', en: 'there is nothing at this address' });
  return reply.status(404).send({ error: e.toJSON() });
}

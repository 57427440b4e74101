import type { ApiError as ErrorAnswer, FieldIssue } from '../../../src/contract/common.ts';
import type { Bilingual } from './i18n.tsx';

/**
 * The one way the app talks to the server. The login token is kept for this browser tab only.
 * Errors arrive in one bilingual shape that names the field; they are thrown as ApiError.
 */
export type { FieldIssue };
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly field: string | undefined,
    readonly issues: FieldIssue[],
    readonly details: Record<string, unknown> = {},
  ) {
    super(text.en);
  }
}

export const NETWORK_ERROR = new ApiError(
  0,
  'NETWORK',
  { zh: '网络连接失败，请重试', en: 'Network error; please try again' },
  undefined,
  [],
);

export const session = {
  get token() {
    return sessionStorage.getItem('token');
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem('token', value);
    else sessionStorage.removeItem('token');
  },
};

function headers(body?: unknown): Record<string, string> {
  const h: Record<string, string> = {};
  if (session.token) h.authorization = `Bearer ${session.token}`;
  if (body instanceof Blob) h['content-type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) h['content-type'] = 'application/json';
  return h;
}

/** A file as the upload routes take it: the bytes themselves, streamed to storage, not JSON. */
export function fileOf(dataUrl: string): Blob {
  const [head = '', base64 = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: headers(body),
      ...(body instanceof Blob ? { body } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw NETWORK_ERROR;
  }
  if (res.ok) return res;
  // Not every failure comes from the server itself (a proxy's HTML page has no error body).
  const payload = (await res.json().catch(() => null)) as Partial<ErrorAnswer> | null;
  const e = payload?.error;
  throw new ApiError(
    res.status,
    e?.code ?? 'HTTP',
    e?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
    e?.field,
    e?.issues ?? [],
    e ?? {},
  );
}

export const api = {
  get: async <T>(path: string): Promise<T> => (await request('GET', path)).json() as Promise<T>,
  post: async <T>(path: string, body: unknown = {}): Promise<T> =>
    (await request('POST', path, body)).json() as Promise<T>,
  put: async <T>(path: string, body: unknown): Promise<T> =>
    (await request('PUT', path, body)).json() as Promise<T>,
  del: async (path: string): Promise<void> => void (await request('DELETE', path)),
  blob: async (path: string, body?: unknown): Promise<Blob> =>
    (await request(body === undefined ? 'GET' : 'POST', path, body)).blob(),
};

/**
 * Follow a Server-Sent Events stream with the login header (EventSource cannot send one): each
 * event's data goes to `onEvent`. A dropped stream is opened again after a pause. Returns a stop
 * function.
 */
export function follow<T>(path: string, onEvent: (data: T) => void): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const res = await fetch(path, { headers: headers(), signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (data) onEvent(JSON.parse(data) as T);
          }
        }
      } catch {
        // Dropped or refused: try again shortly.
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** An issue's field without the HTTP part, as the form names it: `body.application.contact.phone` → `contact.phone`. */
export function fieldOf(issue: { field?: string }): string {
  return (issue.field ?? '').replace(/^body\.(application\.)?/, '');
}

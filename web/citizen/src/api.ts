import type { Bilingual } from './i18n.tsx';

/**
 * The one way the app talks to the server. The login token is kept for this browser tab only.
 * Errors arrive in one bilingual shape that names the field; they are thrown as ApiError.
 */
export interface FieldIssue {
  field: string;
  message: Bilingual;
}
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly field: string | undefined,
    readonly issues: FieldIssue[],
  ) {
    super(text.en);
  }
}

export const session = {
  get token() {
    return sessionStorage.getItem('token');
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem('token', value);
    else sessionStorage.removeItem('token');
  },
};

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.ok) return res;
  const payload = (await res.json().catch(() => null)) as {
    error?: { code: string; message: Bilingual; field?: string; issues?: FieldIssue[] };
  } | null;
  const e = payload?.error;
  throw new ApiError(
    res.status,
    e?.code ?? 'HTTP',
    e?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
    e?.field,
    e?.issues ?? [],
  );
}

export const api = {
  get: async <T>(path: string): Promise<T> => (await request('GET', path)).json() as Promise<T>,
  post: async <T>(path: string, body: unknown): Promise<T> =>
    (await request('POST', path, body)).json() as Promise<T>,
  blob: async (path: string, body?: unknown): Promise<Blob> =>
    (await request(body === undefined ? 'GET' : 'POST', path, body)).blob(),
};

/** An issue's field without the HTTP part, as the form names it: `body.application.contact.phone` → `contact.phone`. */
export function fieldOf(issue: { field?: string }): string {
  return (issue.field ?? '').replace(/^body\.(application\.)?/, '');
}

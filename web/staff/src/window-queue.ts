import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../citizen/src/api.ts';
import type { Bilingual } from '../../citizen/src/i18n.tsx';
import type { SubmitResult } from '../../../src/contract/evaluation.ts';

/**
 * The window's outbox. Every submission is written here first, with its client transaction id, and
 * only then sent; one that cannot reach the server (a network outage) waits and is sent again when
 * the browser comes back online, and every few seconds meanwhile. The server makes one case per
 * client transaction id, so an application sent twice (say, its answer lost on the way) is one case.
 * Kept in localStorage, so a reload or a closed tab loses nothing.
 */
export interface Queued {
  clientTxnId: string;
  body: { clientTxnId: string; signingSessionId: string; application: unknown };
  /** The baby's name, to tell the clerk which application waits. */
  babyName: string;
  queuedAt: string;
  state: 'waiting' | 'sending' | 'sent' | 'refused';
  caseId?: string;
  error?: Bilingual;
}

const KEY = 'window-outbox';
const RETRY_MS = 5000;

function load(): Queued[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Queued[];
  } catch {
    return [];
  }
}

function store(items: Queued[]) {
  localStorage.setItem(KEY, JSON.stringify(items));
  window.dispatchEvent(new Event('window-outbox'));
}

function update(clientTxnId: string, change: Partial<Queued>) {
  store(load().map((q) => (q.clientTxnId === clientTxnId ? { ...q, ...change } : q)));
}

/** Send one; a network failure leaves it waiting, a refusal says why. Returns the case id when sent. */
async function send(q: Queued): Promise<string | null> {
  update(q.clientTxnId, { state: 'sending' });
  try {
    const r = await api.post<SubmitResult>('/api/staff/window/applications', q.body);
    if (!r.accepted) {
      update(q.clientTxnId, {
        state: 'refused',
        error: { zh: '预审未通过', en: 'the pre-review refused it' },
      });
      return null;
    }
    update(q.clientTxnId, { state: 'sent', caseId: r.caseId });
    return r.caseId;
  } catch (e) {
    const error = e instanceof ApiError ? e : null;
    update(
      q.clientTxnId,
      !error || error.status === 0 ? { state: 'waiting' } : { state: 'refused', error: error.text },
    );
    return null;
  }
}

let flushing: Promise<void> | null = null;
/** Send everything that waits, one at a time; concurrent calls share one pass. */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    for (const q of load().filter((x) => x.state === 'waiting' || x.state === 'sending')) await send(q);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Queue an application and try to send it at once; resolves to the case id, or null if it waits. */
export async function submitThroughOutbox(q: Omit<Queued, 'state' | 'queuedAt'>): Promise<string | null> {
  if (!load().some((x) => x.clientTxnId === q.clientTxnId))
    store([...load(), { ...q, state: 'waiting', queuedAt: new Date().toISOString() }]);
  await flush();
  return load().find((x) => x.clientTxnId === q.clientTxnId)?.caseId ?? null;
}

/** Forget the ones already sent (the clerk moves on to the next family). */
export function clearSent() {
  store(load().filter((q) => q.state !== 'sent'));
}

/** The outbox as the page shows it, sent again whenever the browser is back online. */
export function useOutbox() {
  const [items, setItems] = useState<Queued[]>(load);
  const refresh = useCallback(() => setItems(load()), []);
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('window-outbox', refresh);
    window.addEventListener('storage', refresh);
    window.addEventListener('online', online);
    const timer = setInterval(() => {
      if (navigator.onLine && load().some((q) => q.state === 'waiting')) void flush();
    }, RETRY_MS);
    void flush();
    return () => {
      window.removeEventListener('window-outbox', refresh);
      window.removeEventListener('storage', refresh);
      window.removeEventListener('online', online);
      clearInterval(timer);
    };
  }, [refresh]);
  return items;
}

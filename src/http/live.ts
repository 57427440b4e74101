import type { FastifyReply } from 'fastify';
import type { CaseState } from '../domain/case.ts';

/** How often a live view looks for a change, and how often it tells proxies the line is alive. */
const CHECK_MS = 1000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one case: the whole case now, then again whenever its version moves, until
 * the viewer leaves. Reading the case again each second is one indexed row; it holds across
 * several servers on one database, where an in-process signal would not.
 */
export function streamCase(reply: FastifyReply, first: CaseState, read: () => Promise<CaseState>): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let version = first.version;
  const send = (state: CaseState) => res.write(`event: case\ndata: ${JSON.stringify(state)}\n\n`);
  send(first);
  let busy = false;
  const check = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const state = await read();
      if (state.version !== version) {
        version = state.version;
        send(state);
      }
    } catch {
      res.end();
    } finally {
      busy = false;
    }
  }, CHECK_MS);
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(check);
    clearInterval(heartbeat);
  });
}

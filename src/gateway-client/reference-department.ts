import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../domain/clock.ts';
import { AppError } from '../domain/error.ts';
import type { DepartmentTask } from '../departments/port.ts';
import { REPLAY_WINDOW_MS, verifySignature } from '../http/gateway-signature.ts';

/**
 * A reference department endpoint for push mode: what a department system has to do when the
 * platform posts it a task. It checks the signature (the same check the gateway makes, with the
 * department's key), refuses anything unsigned, stale, altered or replayed (a nonce it has seen
 * within the window) with 401 and keeps nothing of it,
 * and is idempotent by task id: a re-sent task is answered `duplicate` and handed on no second time.
 * Its answers: 202 `{ taskId, status: "accepted" }` for a new task, 200 `{ taskId, status:
 * "duplicate" }` for one already taken, 503 when `accept` fails (the platform retries).
 * The decision goes back later through the gateway's decision route (see client.ts).
 */
export interface ReferenceDepartmentOptions {
  department: string;
  key: string;
  clock: Clock;
  /** The path tasks are posted to (default /tasks). */
  path?: string;
  /**
   * Takes a new task into the department's own work; a throw answers 503 and keeps nothing, so
   * the platform sends the task again later.
   */
  accept: (task: DepartmentTask) => Promise<void> | void;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startReferenceDepartment(
  o: ReferenceDepartmentOptions & { host?: string; port?: number },
): Promise<{ url: string; received: Map<string, DepartmentTask>; close: () => Promise<void> }> {
  const path = o.path ?? '/tasks';
  const received = new Map<string, DepartmentTask>();
  // A task being accepted: a second delivery racing the first waits for it rather than taking it twice.
  const inFlight = new Map<string, Promise<void>>();
  // Nonces seen, until their window closes: one process, so memory will do.
  const nonces = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
        return answer(404, {
          error: { code: 'NOT_FOUND', message: { zh: '没有此地址', en: 'no such path' } },
        });
      }
      const raw = await readBody(req);
      try {
        const now = o.clock.now().getTime();
        verifySignature(
          { [o.department]: o.key },
          { method: req.method, url: req.url ?? '', headers: req.headers, rawBody: raw },
          o.clock.now(),
        );
        for (const [n, until] of nonces) if (until < now) nonces.delete(n);
        const nonce = String(req.headers['x-nonce']);
        if (nonces.has(nonce)) {
          throw new AppError(
            'UNAUTHORIZED',
            { zh: '重放的请求', en: 'a replayed request' },
            { field: 'x-nonce' },
          );
        }
        nonces.set(nonce, Number(req.headers['x-timestamp']) + REPLAY_WINDOW_MS);
      } catch (e) {
        if (e instanceof AppError) return answer(401, { error: e.toJSON() });
        throw e;
      }
      let task: DepartmentTask;
      try {
        task = JSON.parse(raw) as DepartmentTask;
      } catch {
        return answer(400, { error: { code: 'INVALID_INPUT', field: 'body' } });
      }
      if (typeof task?.taskId !== 'string' || req.headers['idempotency-key'] !== task.taskId) {
        return answer(400, { error: { code: 'INVALID_INPUT', field: 'taskId' } });
      }
      for (let p = inFlight.get(task.taskId); p; p = inFlight.get(task.taskId)) await p.catch(() => {});
      if (received.has(task.taskId)) return answer(200, { taskId: task.taskId, status: 'duplicate' });
      const taking = (async () => o.accept(task))();
      inFlight.set(task.taskId, taking);
      try {
        await taking;
        received.set(task.taskId, task);
      } catch (e) {
        return answer(503, {
          error: { code: 'UNAVAILABLE', message: { zh: '暂时无法接收', en: (e as Error).message } },
        });
      } finally {
        inFlight.delete(task.taskId);
      }
      return answer(202, { taskId: task.taskId, status: 'accepted' });
    })().catch((e) => answer(500, { error: { code: 'INTERNAL', message: String(e) } }));
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

// Department systems that misbehave as real ones do, for the fault tests. Each department is the
// built-in simulator behind a real HTTP endpoint that the platform reaches with its production
// client (httpDepartmentClient): some calls are refused as busy (503, 429), some connections are
// dropped, and some are processed but answered only after the client gave up (a timeout whose
// work was done). The server records every call and how many tasks each one created.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DepartmentId } from '../../src/domain/ids.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { DEPARTMENTS } from '../../src/departments/index.ts';
import {
  httpDepartmentClient,
  TransientError,
  type DepartmentPort,
  type DepartmentTask,
  type SimulatedDepartment,
} from '../../src/departments/port.ts';

export type Fault = 'busy' | 'rate-limited' | 'dropped' | 'timed-out-after-work' | 'simulator-fault';

export interface CallRecord {
  department: DepartmentId;
  key: string;
  taskId: string;
  /** null: answered 200. */
  fault: Fault | null;
  /** Tasks the department created for this call (0 for a repeat it recognised, or a fault before work). */
  created: number;
}

/** How long the platform's client waits here; the slow answers come well after it. */
const CLIENT_TIMEOUT_MS = 150;
const SLOW_ANSWER_MS = 400;

export async function faultyDepartments(
  sims: Record<DepartmentId, SimulatedDepartment>,
  seed: string,
  /** Share of first calls per key that meet a fault; later calls meet one half as often. */
  faultShare = 0.5,
): Promise<{
  ports: Record<DepartmentId, DepartmentPort>;
  calls: CallRecord[];
  close: () => Promise<void>;
}> {
  const random = seededRandom(`${seed}:faults`);
  const calls: CallRecord[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const department = req.url!.split('/')[1] as DepartmentId;
      const key = String(req.headers['idempotency-key']);
      const task = JSON.parse(await body(req)) as DepartmentTask;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const record: CallRecord = { department, key, taskId: task.taskId, fault: null, created: 0 };
      calls.push(record);
      const roll = random.next() / (n === 1 ? faultShare : faultShare / 2);
      const fault: Fault | null =
        roll < 0.25
          ? 'busy'
          : roll < 0.4
            ? 'rate-limited'
            : roll < 0.6
              ? 'dropped'
              : roll < 0.8
                ? 'timed-out-after-work'
                : null;
      if (fault === 'busy' || fault === 'rate-limited') {
        record.fault = fault;
        res.writeHead(fault === 'busy' ? 503 : 429).end(fault);
        return;
      }
      if (fault === 'dropped') {
        record.fault = fault;
        req.socket.destroy();
        return;
      }
      const sim = sims[department];
      const before = sim.stats.tasks;
      try {
        await sim.submit(task, key);
      } catch (e) {
        if (!(e instanceof TransientError)) throw e;
        record.fault = 'simulator-fault';
        res.writeHead(503).end((e as Error).message);
        return;
      }
      record.created = sim.stats.tasks - before;
      if (fault === 'timed-out-after-work') {
        record.fault = fault;
        setTimeout(() => res.writeHead(200).end('late'), SLOW_ANSWER_MS);
        return;
      }
      res.writeHead(200).end('ok');
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The production client, with its 15 s timeout cut short so a test does not wait for it.
  const shortFetch: typeof fetch = (url, init) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
  const ports = Object.fromEntries(
    Object.keys(sims).map((id) => [
      id,
      httpDepartmentClient(DEPARTMENTS[id as DepartmentId], {
        baseUrl: `${base}/${id}`,
        token: 'test',
        fetch: shortFetch,
      }),
    ]),
  ) as Record<DepartmentId, DepartmentPort>;
  return {
    ports,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (text += d));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { verifySignature } from '../../src/http/gateway-signature.ts';
import { conformanceTask, pushConformance } from '../../src/gateway-client/conformance.ts';
import { startReferenceDepartment } from '../../src/gateway-client/reference-department.ts';

/**
 * The push conformance check passes the reference endpoint, and fails each way a department's
 * endpoint can break the contract: not checking signatures, keeping a refused task, taking a re-sent
 * task twice.
 */
const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
const KEY = 'k-police';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A department endpoint with a flaw, as a plain handler over the raw body. */
async function endpoint(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tasks`;
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const valid = (req: IncomingMessage, body: string) => {
  try {
    verifySignature(
      { police: KEY },
      { method: req.method!, url: req.url!, headers: req.headers, rawBody: body },
      clock.now(),
    );
    return true;
  } catch {
    return false;
  }
};
const failed = (r: Awaited<ReturnType<typeof pushConformance>>) =>
  r.checks.filter((c) => !c.ok).map((c) => c.name);

describe('the push conformance check', () => {
  it('passes the reference department endpoint, which took the task once', async () => {
    const taken: string[] = [];
    const ref = await startReferenceDepartment({
      department: 'police',
      key: KEY,
      clock,
      accept: (t) => void taken.push(t.taskId),
    });
    closers.push(ref.close);
    const report = await pushConformance({ url: ref.url, department: 'police', key: KEY, clock });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['refuses-wrong-key', true],
      ['refuses-stale-timestamp', true],
      ['refuses-altered-body', true],
      ['refuses-other-path', true],
      ['accepts-signed-task', true],
      ['refuses-replayed-request', true],
      ['resent-task-is-duplicate', true],
    ]);
    expect(report.ok).toBe(true);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatch(/^CONFORMANCE-[0-9A-F]{8}:hukou-registration:1$/);
  });

  it('fails an endpoint that does not check signatures', async () => {
    const seen = new Set<string>();
    const url = await endpoint((_req, body, res) => {
      const { taskId } = JSON.parse(body);
      json(res, 202, { taskId, status: seen.has(taskId) ? 'duplicate' : 'accepted' });
      seen.add(taskId);
    });
    const report = await pushConformance({ url, department: 'police', key: KEY, clock });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual([
      'refuses-wrong-key',
      'refuses-stale-timestamp',
      'refuses-altered-body',
      'refuses-other-path',
      // It kept the unsigned task, so the signed one comes back a duplicate.
      'accepts-signed-task',
      'refuses-replayed-request',
    ]);
  });

  it('fails an endpoint that takes a re-sent task again, and a replayed request (it keeps no nonces)', async () => {
    const url = await endpoint((req, body, res) =>
      valid(req, body)
        ? json(res, 202, { taskId: JSON.parse(body).taskId, status: 'accepted' })
        : json(res, 401, {}),
    );
    const report = await pushConformance({ url, department: 'police', key: KEY, clock });
    expect(failed(report)).toEqual(['refuses-replayed-request', 'resent-task-is-duplicate']);
    expect(report.checks.at(-1)!.detail).toContain('"status":"duplicate"');
  });

  it('fails an endpoint that cannot be reached, saying so', async () => {
    const url = await endpoint((_req, _body, res) => json(res, 200, {}));
    await Promise.all(closers.splice(0).map((c) => c()));
    const report = await pushConformance({ url, department: 'police', key: KEY, clock });
    expect(report.checks.every((c) => !c.ok)).toBe(true);
    expect(report.checks[0]!.detail).toMatch(/answered nothing \(.*fetch failed/);
  });

  it("sends a task cut by the department's own definition, from a made-up family", () => {
    const task = conformanceTask('hrss', clock.now());
    expect(task).toMatchObject({
      item: 'social-security-card',
      department: 'hrss',
      attempt: 1,
      deadline: null,
    });
    expect(task.caseId).toMatch(/^CONFORMANCE-/);
    expect(Object.keys(task.fields).length).toBeGreaterThan(0);
  });
});

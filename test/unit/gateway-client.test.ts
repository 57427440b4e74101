import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { gatewayClient, GatewayError, parseTaskId, txnIdFor } from '../../src/gateway-client/client.ts';
import { verifySignature } from '../../src/http/gateway-signature.ts';

/**
 * The reference client's retries, with the gateway's own signature check standing in for the
 * server: every attempt is signed afresh over the same bytes, network errors and 5xx are retried
 * with a doubling wait, refusals are not, and what runs out says so.
 */
const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
const decision = {
  txnId: 'police-7',
  caseId: 'C-1',
  item: 'hukou-registration',
  outcome: 'done' as const,
  outputs: { citizenIdNumber: '350583202611141230' },
};

/** A gateway answering from a script; each request is checked as the server checks it. */
function scripted(answers: (Response | Error)[]) {
  const seen: { url: string; timestamp: string; body: string }[] = [];
  const waits: number[] = [];
  const doFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = init!.headers as Record<string, string>;
    const body = (init!.body as string | undefined) ?? '';
    verifySignature(
      { police: 'k' },
      { method: init!.method!, url: `${url.pathname}${url.search}`, headers, rawBody: body },
      clock.now(),
    );
    seen.push({ url: url.pathname, timestamp: headers['x-timestamp']!, body });
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return next;
  };
  const client = gatewayClient({
    baseUrl: 'https://onething.example/',
    department: 'police',
    key: 'k',
    clock,
    fetch: doFetch,
    baseDelayMs: 100,
    wait: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  });
  return { client, seen, waits };
}
const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the gateway reference client', () => {
  it('retries a decision through a dropped connection and a 503 with the same bytes, signed afresh each time', async () => {
    const ok = {
      txnId: 'police-7',
      ok: true,
      caseId: 'C-1',
      item: 'hukou-registration',
      status: 'done',
      replayed: true,
    };
    const { client, seen, waits } = scripted([
      new TypeError('fetch failed'),
      reply(503, { error: { code: 'INTERNAL', message: { zh: '忙', en: 'busy' } } }),
      reply(200, ok),
    ]);
    expect(await client.decide(decision)).toEqual(ok);
    expect(seen.map((s) => s.url)).toEqual(Array(3).fill('/api/gateway/decisions'));
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
    expect(JSON.parse(seen[0]!.body).txnId).toBe('police-7');
    expect(new Set(seen.map((s) => s.timestamp)).size).toBe(3);
    // 100 ms, then 200 ms, each with up to half taken off at random.
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('does not retry a refusal, and reports it with the field in both languages', async () => {
    const { client, seen } = scripted([
      reply(409, {
        error: {
          code: 'CONFLICT',
          field: 'item',
          message: { zh: '事项：当前状态不能办结', en: 'Item: cannot be done in its current state' },
        },
      }),
    ]);
    const e = (await client.decide(decision).catch((x: unknown) => x)) as GatewayError;
    expect(e).toBeInstanceOf(GatewayError);
    expect(e).toMatchObject({ status: 409, code: 'CONFLICT', field: 'item', transient: false, attempts: 1 });
    expect(e.message).toBe(
      'HTTP 409 CONFLICT (item): Item: cannot be done in its current state / 事项：当前状态不能办结',
    );
    expect(seen).toHaveLength(1);
  });

  it('gives up after its attempts, naming the last failure', async () => {
    const { client, seen } = scripted(Array.from({ length: 5 }, () => new TypeError('connect ECONNREFUSED')));
    const e = (await client.list().catch((x: unknown) => x)) as GatewayError;
    expect(e).toMatchObject({ status: null, code: 'UNAVAILABLE', transient: true, attempts: 5 });
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.message).toContain('after 5 attempts');
    expect(seen).toHaveLength(5);
  });

  it('claims by the task id in the path, escaped, and signs that path', async () => {
    const { client, seen } = scripted([reply(200, { taskId: 'C:1:hukou-registration:1', claimed: true })]);
    await client.claim('C:1:hukou-registration:1');
    expect(seen[0]!.url).toBe('/api/gateway/tasks/C%3A1%3Ahukou-registration%3A1/claim');
  });

  it('reads a task id, and gives a command-line decision a txnId that is the same when run again', () => {
    expect(parseTaskId('C:1:hukou-registration:2')).toEqual({
      caseId: 'C:1',
      item: 'hukou-registration',
      attempt: 2,
    });
    expect(parseTaskId('nonsense')).toBeNull();
    expect(txnIdFor('C1:birth-certificate:1', 'done')).toBe('C1:birth-certificate:1:done');
    expect(txnIdFor('C1:birth-certificate:1', 'rejected')).not.toBe(
      txnIdFor('C1:birth-certificate:1', 'done'),
    );
  });
});

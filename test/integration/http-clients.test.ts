import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpEmsClient } from '../../src/departments/ems.ts';
import { PermanentError, TransientError, type DepartmentTask } from '../../src/departments/port.ts';
import { createPoliceClient } from '../../src/departments/police.ts';
import { httpSmsClient } from '../../src/departments/sms.ts';

/** A department system on loopback that answers with the status the test sets. */
let server: Server;
let baseUrl: string;
let nextStatus = 201;
const received: { url?: string; headers: IncomingMessage['headers']; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
      res.statusCode = nextStatus;
      res.end(nextStatus < 300 ? '{}' : '{"error":"refused"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const task: DepartmentTask = {
  taskId: 'C1:hukou-registration:1',
  caseId: 'C1',
  item: 'hukou-registration',
  attempt: 1,
  department: 'police',
  region: 'fujian',
  deadline: null,
  fields: { certificateNumber: 'Q1' },
};

describe('the HTTP clients for real department systems, EMS and the SMS gateway', () => {
  it('post the task with its idempotency key and the bearer token', async () => {
    nextStatus = 201;
    await createPoliceClient({ baseUrl, token: 'secret' }).submit(task, task.taskId);
    expect(received.at(-1)).toMatchObject({
      url: '/tasks',
      headers: { 'idempotency-key': task.taskId, authorization: 'Bearer secret' },
      body: task,
    });
    await httpEmsClient({ baseUrl, token: 'ems-secret' }).ship(
      {
        parcelId: 'P1',
        caseId: 'C1',
        item: 'birth-certificate',
        direction: 'to-family',
        destination: '350583',
        shippedAt: '2026-11-16T02:00:00Z',
      },
      'P1:ship',
    );
    expect(received.at(-1)).toMatchObject({ url: '/shipments', headers: { 'idempotency-key': 'P1:ship' } });
    const text = {
      to: '13900001111',
      template: 'item-done',
      title: { zh: '出生医学证明已办结', en: 'Birth certificate: done' },
      text: { zh: '可在“我的办件”查看结果并评价', en: 'See the result and rate it under My cases' },
    };
    await httpSmsClient({ baseUrl: `${baseUrl}/`, token: 'sms-secret' }).send(text, 'C1:7:sms:item-done');
    expect(received.at(-1)).toMatchObject({
      url: '/messages',
      headers: { 'idempotency-key': 'C1:7:sms:item-done', authorization: 'Bearer sms-secret' },
      body: text,
    });
    nextStatus = 503;
    await expect(
      httpSmsClient({ baseUrl, token: 'sms-secret' }).send(text, 'C1:7:sms:item-done'),
    ).rejects.toBeInstanceOf(TransientError);
  });

  it.each([
    [503, TransientError],
    [429, TransientError],
    [422, PermanentError],
    [404, PermanentError],
  ])('HTTP %i is %o', async (status, kind) => {
    nextStatus = status;
    await expect(
      createPoliceClient({ baseUrl, token: 't' }).submit(task, task.taskId),
    ).rejects.toBeInstanceOf(kind);
  });

  it('a system that cannot be reached is a transient fault', async () => {
    await expect(
      createPoliceClient({ baseUrl: 'http://127.0.0.1:9', token: 't' }).submit(task, task.taskId),
    ).rejects.toBeInstanceOf(TransientError);
  });
});

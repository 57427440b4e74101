import { randomUUID } from 'node:crypto';
import { makeCitizenId } from '../domain/citizen-id.ts';
import type { Clock } from '../domain/clock.ts';
import type { DepartmentId, ItemId, RegionId } from '../domain/ids.ts';
import { beijingDate } from '../domain/local-date.ts';
import { minimumNecessary } from '../departments/minimum-necessary.ts';
import { DEPARTMENTS } from '../departments/index.ts';
import type { CaseForm, DepartmentTask } from '../departments/port.ts';
import { PUSH_TIMEOUT_MS, signedPush } from '../departments/push.ts';
import { REPLAY_WINDOW_MS } from '../http/gateway-signature.ts';
import { POLICIES } from '../policies/index.ts';

/**
 * The push contract, checked against a department's own endpoint: it refuses a task signed with
 * another key, one outside the 5-minute window, one whose body or path is not what was signed, a
 * replay of a request it took (the same nonce)
 * (401 or 403, keeping nothing of it); it takes a correctly signed task (2xx, `{ taskId, status:
 * "accepted" }`); and a re-sent task is answered `{ taskId, status: "duplicate" }` (2xx), so a
 * retry by the platform never becomes a second piece of work. The refusals come first: had the
 * endpoint kept a refused task, the signed one would come back `duplicate`.
 *
 * The test tasks are synthetic (case ids start with CONFORMANCE-, the people do not exist); run it
 * against a test instance of the department's system, or have the system set such cases aside.
 */
export interface ConformanceCheck {
  name: string;
  title: { zh: string; en: string };
  ok: boolean;
  detail: string;
}

export interface ConformanceOptions {
  url: string;
  department: DepartmentId;
  key: string;
  clock: Clock;
  fetch?: typeof fetch;
}

/** A task as the platform would cut it, from a made-up family, for an item this department handles. */
export function conformanceTask(department: DepartmentId, at: Date): DepartmentTask {
  const found = Object.values(POLICIES)
    .flatMap((p) => p.items.map((i) => ({ region: p.region, item: i.id, department: i.department })))
    .find((x) => x.department === department);
  const { region, item }: { region: RegionId; item: ItemId } = found ?? {
    region: 'fujian',
    item: 'birth-certificate',
  };
  const bornAt = new Date(at.getTime() - 2 * 86_400_000);
  const id = (seq: number, born: string) => makeCitizenId('350583', beijingDate(new Date(born)), seq);
  const form: CaseForm = {
    baby: {
      name: '测试宝宝',
      sex: 'female',
      bornAt: bornAt.toISOString(),
      birthPlace: { divisionCode: '350583', institutionName: '测试医院' },
    },
    mother: { name: '测试母亲', idNumber: id(124, '1995-03-08T00:00:00+08:00') },
    father: { name: '测试父亲', idNumber: id(131, '1993-06-01T00:00:00+08:00') },
    registering: {
      role: 'father',
      name: '测试父亲',
      idNumber: id(131, '1993-06-01T00:00:00+08:00'),
      hukouDivisionCode: '350583',
      householdType: 'urban',
    },
    marriage: { registeredOn: '2020-05-20', registeredDivisionCode: '350583' },
    insuranceYears: ['current'],
    premium: null,
    delivery: {},
    contact: { phone: null, mailingAddress: null },
    uploads: [],
  };
  const caseId = `CONFORMANCE-${randomUUID().slice(0, 8).toUpperCase()}`;
  return {
    taskId: `${caseId}:${item}:1`,
    caseId,
    item,
    attempt: 1,
    department,
    region,
    deadline: null,
    fields: minimumNecessary(department, DEPARTMENTS[department].taskFields(item, form, {})).kept,
  };
}

export async function pushConformance(
  o: ConformanceOptions,
): Promise<{ ok: boolean; checks: ConformanceCheck[] }> {
  const doFetch = o.fetch ?? fetch;
  const task = conformanceTask(o.department, o.clock.now());
  const body = JSON.stringify(task);
  const now = () => String(o.clock.now().getTime());
  const checks: ConformanceCheck[] = [];

  const send = async (init: RequestInit, url = o.url) => {
    try {
      const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: reported with its status.
      }
      return { status: res.status, json, text: text.slice(0, 200) };
    } catch (e) {
      return { status: 0, json: null, text: (e as Error).message };
    }
  };
  const signed = (over: Partial<Parameters<typeof signedPush>[0]> = {}) =>
    signedPush({
      url: o.url,
      department: o.department,
      key: o.key,
      timestamp: now(),
      body,
      taskId: task.taskId,
      ...over,
    }).init;
  const refused = async (name: string, title: ConformanceCheck['title'], init: RequestInit) => {
    const r = await send(init);
    checks.push({
      name,
      title,
      ok: r.status === 401 || r.status === 403,
      detail: `answered ${r.status || 'nothing'}${r.status ? '' : ` (${r.text})`}; expected 401 or 403`,
    });
  };

  await refused(
    'refuses-wrong-key',
    { zh: '拒绝用其他密钥签名的任务', en: 'refuses a task signed with another key' },
    signed({ key: `not-${o.key}` }),
  );
  await refused(
    'refuses-stale-timestamp',
    { zh: '拒绝超出5分钟有效期的任务', en: 'refuses a task outside the 5-minute window' },
    signed({ timestamp: String(o.clock.now().getTime() - REPLAY_WINDOW_MS - 60_000) }),
  );
  const tampered = signed();
  tampered.body = JSON.stringify({ ...task, fields: { ...task.fields, altered: true } });
  await refused(
    'refuses-altered-body',
    { zh: '拒绝内容被改动的任务', en: 'refuses a task whose body is not what was signed' },
    tampered,
  );
  const elsewhere = new URL(o.url);
  elsewhere.pathname = `${elsewhere.pathname.replace(/\/$/, '')}-elsewhere`;
  await refused(
    'refuses-other-path',
    { zh: '拒绝为其他地址签名的任务', en: 'refuses a signature made for another path' },
    signed({ url: elsewhere.href }),
  );

  const answer = (r: Awaited<ReturnType<typeof send>>, status: string) => {
    const j = r.json as { taskId?: unknown; status?: unknown } | null;
    const ok = r.status >= 200 && r.status < 300 && j?.taskId === task.taskId && j?.status === status;
    return {
      ok,
      detail: `answered ${r.status || 'nothing'} ${r.text}; expected 2xx {"taskId":"${task.taskId}","status":"${status}"}`,
    };
  };
  const first = signed();
  checks.push({
    name: 'accepts-signed-task',
    title: { zh: '接收正确签名的任务', en: 'takes a correctly signed task' },
    ...answer(await send(first), 'accepted'),
  });
  // The same request again, byte for byte (its nonce too): what someone who captured it would send.
  await refused(
    'refuses-replayed-request',
    { zh: '拒绝重放的请求（随机数相同）', en: 'refuses a replayed request (the same nonce)' },
    first,
  );
  checks.push({
    name: 'resent-task-is-duplicate',
    title: { zh: '重发的任务只接收一次', en: 'a re-sent task is taken once only' },
    ...answer(await send(signed()), 'duplicate'),
  });
  return { ok: checks.every((c) => c.ok), checks };
}

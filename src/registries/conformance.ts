import { isDeepStrictEqual } from 'node:util';
import { makeCitizenId } from '../domain/citizen-id.ts';
import type { Bilingual } from '../domain/text.ts';
import { HEALTH_PATH, OPERATIONS, RegistryError, type Operation, type OperationName } from './contract.ts';
import { sampleSituation } from './population.ts';
import { FamilySituation, type FamilySituationInput } from './port.ts';

/**
 * The conformance test a data-sharing platform runs against its own endpoint
 * (`onething registries conformance --url …`). It asks every question of the contract about one
 * family the platform holds as test data (by default the fujian sample family, which the reference
 * server serves; `--family FILE` names another) and about a person it does not hold, and checks
 * each answer against the contract's schemas and against the family, plus the refusals (no token,
 * a wrong token, a malformed question), the answer's content type, read-only repeats and speed.
 */
export interface ConformanceOptions {
  url: string;
  token: string;
  family?: FamilySituationInput;
  /** A valid ID number the platform holds nothing for. */
  absentIdNumber?: string;
  /** The platform's client waits this long per attempt; a slower answer fails (default 3000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ConformanceCheck {
  name: Bilingual;
  ok: boolean;
  detail: string;
}

export interface ConformanceReport {
  ok: boolean;
  url: string;
  checks: ConformanceCheck[];
  /** The slowest answer, in ms. */
  slowestMs: number;
}

/** A checksum-valid number born 1901-01-01 in Dongcheng: no test family is that old. */
export const DEFAULT_ABSENT_ID = makeCitizenId('110101', '1901-01-01', 998);

/** A 1×1 PNG, for the face comparison's shape (its verdict is the platform's own). */
export const PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export async function runConformance(o: ConformanceOptions): Promise<ConformanceReport> {
  const base = o.url.replace(/\/$/, '');
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 3000;
  const family = FamilySituation.parse(o.family ?? sampleSituation('fujian'));
  const absent = o.absentIdNumber ?? DEFAULT_ABSENT_ID;
  const checks: ConformanceCheck[] = [];
  let slowestMs = 0;
  const check = (zh: string, en: string, ok: boolean, detail = '') =>
    checks.push({ name: { zh, en }, ok, detail });

  async function send(path: string, init: RequestInit) {
    const started = performance.now();
    try {
      const res = await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs * 3) });
      const text = await res.text();
      const ms = Math.round(performance.now() - started);
      slowestMs = Math.max(slowestMs, ms);
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        /* judged by the caller */
      }
      return { status: res.status, type: res.headers.get('content-type') ?? '', json, text, ms };
    } catch (e) {
      return { status: 0, type: '', json: undefined, text: (e as Error).message, ms: timeoutMs * 3 };
    }
  }
  const ask = (op: Operation, body: unknown, token: string | null = o.token) =>
    send(op.path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });

  /** Asks, checks status, type, schema and time; returns the parsed answer or null. */
  async function lookup<K extends OperationName>(name: K, body: unknown, label: Bilingual) {
    const op: Operation = OPERATIONS[name];
    const r = await ask(op, body);
    const parsed = op.answer.safeParse(r.json);
    const problems = [
      r.status !== 200 && `HTTP ${r.status} ${r.text.slice(0, 200)}`,
      r.status === 200 && !/^application\/json\b/i.test(r.type) && `content-type ${r.type || '(none)'}`,
      r.status === 200 &&
        !parsed.success &&
        `outside the contract: ${parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      r.ms > timeoutMs && `took ${r.ms} ms, over the client's ${timeoutMs} ms`,
    ].filter(Boolean);
    check(
      `${op.operationId}（${label.zh}）符合接口规范`,
      `${op.operationId} (${label.en}) answers by the contract`,
      !problems.length,
      problems.length ? problems.join('; ') : `${r.ms} ms`,
    );
    // undefined when the answer failed its own check: the comparisons after it are then skipped.
    return problems.length ? undefined : (parsed.data as Record<string, unknown>);
  }
  const same = (zh: string, en: string, got: unknown, want: unknown) =>
    got !== undefined &&
    check(
      zh,
      en,
      isDeepStrictEqual(got, want),
      isDeepStrictEqual(got, want) ? '' : `got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
    );

  const health = await send(HEALTH_PATH, { method: 'GET' });
  check(
    '健康检查返回 {"ok":true}',
    'health answers {"ok":true}',
    health.status === 200 && isDeepStrictEqual(health.json, { ok: true }),
    `HTTP ${health.status}`,
  );

  const mother = family.mother.idNumber;
  for (const [token, zh, en] of [
    [null, '未带令牌的请求被拒绝（401）', 'a question without a token is refused (401)'],
    [`${o.token}-wrong`, '令牌错误的请求被拒绝（401）', 'a question with a wrong token is refused (401)'],
  ] as const) {
    const r = await ask(OPERATIONS.person, { idNumber: mother }, token);
    check(zh, en, r.status === 401 && RegistryError.safeParse(r.json).success, `HTTP ${r.status}`);
  }
  const malformed = await ask(OPERATIONS.person, { idNumber: '12345' });
  check(
    '格式错误的身份证号被拒绝（400），并按统一错误格式说明',
    'a malformed ID number is refused (400) in the contract’s error format',
    malformed.status === 400 && RegistryError.safeParse(malformed.json).success,
    `HTTP ${malformed.status} ${malformed.text.slice(0, 200)}`,
  );

  const known = { zh: '测试家庭', en: 'the test family' };
  const person = await lookup('person', { idNumber: mother }, known);
  same('母亲的户籍信息与测试数据一致', "the mother's hukou record matches", person?.person, family.mother);
  if (family.father) {
    const father = await lookup('person', { idNumber: family.father.idNumber }, known);
    same('父亲的户籍信息与测试数据一致', "the father's hukou record matches", father?.person, family.father);
    const his = await lookup('marriage', { idNumber: family.father.idNumber }, known);
    same(
      '按父亲查到同一婚姻登记',
      "the father's marriage is the same record",
      his?.marriage,
      family.marriage,
    );
  }
  const marriage = await lookup('marriage', { idNumber: mother }, known);
  same('婚姻登记信息一致', 'the marriage record matches', marriage?.marriage, family.marriage);
  const delivery = await lookup('deliveryRecord', { motherIdNumber: mother }, known);
  const record = delivery?.deliveryRecord as { babies: { birthOrder: number }[] } | null | undefined;
  if (delivery)
    check(
      '分娩信息一致，新生儿按出生顺序列出',
      'the delivery record matches, its babies in birth order',
      family.deliveryRecord === null
        ? record === null
        : record !== null &&
            record!.babies.every((b, i) => b.birthOrder === i + 1) &&
            isDeepStrictEqual(
              { ...record, babies: undefined },
              { ...family.deliveryRecord, babies: undefined },
            ) &&
            record!.babies.length === 1 + family.siblings.length,
      JSON.stringify(record)?.slice(0, 300) ?? '',
    );
  const licences = await lookup('eLicences', { motherIdNumber: mother }, known);
  same(
    '电子证照一致',
    'the e-licences match',
    licences && [...(licences.eLicences as string[])].sort(),
    [...family.eLicenses].sort(),
  );
  const insurance = await lookup('maternityInsurance', { idNumber: mother }, known);
  same(
    '生育保险一致',
    'the maternity insurance matches',
    insurance?.maternityInsurance,
    family.maternityInsurance,
  );
  const babies = await lookup('babyRecords', { motherIdNumber: mother, birthOrder: 1 }, known);
  same('已签发的出生证明与户籍一致', 'the issued birth records match', babies?.existing, family.existing);
  const again = await lookup('person', { idNumber: mother }, known);
  same('重复查询得到同样的回答（只读）', 'a repeated lookup gets the same answer (read-only)', again, person);
  await lookup('faceVerification', { idNumber: mother, photoPng: PIXEL_PNG }, known);

  const nobody = { zh: '不存在的人', en: 'a person the platform does not hold' };
  const none = {
    person: { person: null },
    marriage: { marriage: null },
    deliveryRecord: { deliveryRecord: null },
    eLicences: { eLicences: [] },
    maternityInsurance: { maternityInsurance: null },
    babyRecords: { existing: { birthCertificate: null, babyHukou: null } },
  } as const;
  for (const [name, want] of Object.entries(none) as [keyof typeof none, unknown][]) {
    const op: Operation = OPERATIONS[name];
    const body =
      name === 'babyRecords'
        ? { motherIdNumber: absent, birthOrder: 1 }
        : name === 'deliveryRecord' || name === 'eLicences'
          ? { motherIdNumber: absent }
          : { idNumber: absent };
    const got = await lookup(name, body, nobody);
    same(
      `查无此人时 ${op.operationId} 返回空值`,
      `${op.operationId} answers "none" (not an error)`,
      got,
      want,
    );
  }
  return { ok: checks.every((c) => c.ok), url: base, checks, slowestMs };
}

/** The report as lines for a terminal: each check, then the verdict. */
export function describeConformance(r: ConformanceReport): string {
  return [
    `shared-data contract conformance 共享数据接口一致性检查: ${r.url}`,
    ...r.checks.map(
      (c) =>
        `  ${c.ok ? '✓' : '✗'} ${c.name.zh} / ${c.name.en}${c.detail && !c.ok ? `\n      ${c.detail}` : ''}`,
    ),
    `  slowest answer 最慢回答: ${r.slowestMs} ms`,
    `${r.ok ? 'conforms 符合' : 'does not conform 不符合'}: ${r.checks.filter((c) => c.ok).length} of ${r.checks.length} checks passed`,
  ].join('\n');
}

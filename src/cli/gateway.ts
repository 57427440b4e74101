import { parseArgs } from 'node:util';
import { DepartmentId } from '../domain/ids.ts';
import { pushConformance } from '../gateway-client/conformance.ts';
import {
  gatewayClient,
  GatewayError,
  parseTaskId,
  txnIdFor,
  type Decision,
} from '../gateway-client/client.ts';
import { startReferenceDepartment } from '../gateway-client/reference-department.ts';
import { systemClock } from '../system-clock.ts';
import { readJson, required, usageError } from './args.ts';

/**
 * `onething gateway …`: the reference client from the command line, for a department's integrator
 * to try the gateway, and the push-mode tools (the conformance test, a reference endpoint).
 * The key comes from --key or GATEWAY_KEY (the environment keeps it out of the process list).
 */

export async function gatewayCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      department: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean' },
      task: { type: 'string' },
      outcome: { type: 'string' },
      output: { type: 'string', multiple: true },
      'reason-zh': { type: 'string' },
      'reason-en': { type: 'string' },
      material: { type: 'string' },
      'message-zh': { type: 'string' },
      'message-en': { type: 'string' },
      txn: { type: 'string' },
      file: { type: 'string' },
      'push-url': { type: 'string' },
      port: { type: 'string' },
      path: { type: 'string' },
      host: { type: 'string' },
    },
  });
  const [sub, arg] = positionals;
  const department = () => {
    const d = required(values.department ?? process.env.GATEWAY_DEPARTMENT, 'department');
    if (!DepartmentId.safeParse(d).success)
      throw usageError('department', `--department is one of ${DepartmentId.options.join(', ')}`);
    return d as DepartmentId;
  };
  const key = () => required(values.key ?? process.env.GATEWAY_KEY, 'key');
  const client = () =>
    gatewayClient({
      baseUrl: values.url ?? process.env.ONETHING_URL ?? 'http://127.0.0.1:3000',
      department: department(),
      key: key(),
      clock: systemClock,
    });
  const print = (v: unknown) => out(JSON.stringify(v, null, 2));

  try {
    switch (sub) {
      case 'list': {
        const tasks = await client().list();
        if (values.json) print(tasks);
        else if (!tasks.length) out('no open tasks 没有待办任务');
        else
          for (const t of tasks)
            out(
              `${t.task.taskId}  ${t.task.region}  deadline ${t.deadline ?? '-'}${t.deadlineProvisional ? ' (provisional)' : ''}  ${t.claimedAt ? `claimed ${t.claimedAt}` : 'unclaimed'}`,
            );
        return 0;
      }
      case 'claim':
        print(await client().claim(required(arg ?? values.task, 'task')));
        return 0;
      case 'decide': {
        const c = client();
        print(await c.decide(decisionFrom(values)));
        return 0;
      }
      case 'delivery-records': {
        const ids = positionals.slice(1);
        if (!ids.length) throw usageError('motherIdNumbers', 'name at least one mother’s ID number');
        print(await client().deliveryRecords(ids));
        return 0;
      }
      case 'conformance': {
        const report = await pushConformance({
          url: required(values['push-url'], 'push-url'),
          department: department(),
          key: key(),
          clock: systemClock,
        });
        if (values.json) print(report);
        else {
          for (const c of report.checks)
            out(
              `${c.ok ? 'PASS' : 'FAIL'}  ${c.title.zh} / ${c.title.en}${c.ok ? '' : `\n      ${c.detail}`}`,
            );
          out(report.ok ? 'conformant 符合推送约定' : 'not conformant 不符合推送约定');
        }
        return report.ok ? 0 : 1;
      }
      case 'serve': {
        const port = Number(values.port ?? 4100);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw usageError('port', '--port must be a port number');
        const server = await startReferenceDepartment({
          department: department(),
          key: key(),
          clock: systemClock,
          host: values.host ?? '127.0.0.1',
          port,
          ...(values.path ? { path: values.path } : {}),
          accept: (task) => out(JSON.stringify(task)),
        });
        process.stderr.write(
          `reference department endpoint 参考推送端点: ${server.url}\n` +
            `decide with 用以下命令办结: onething gateway decide --task TASK --outcome done --output …\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => void server.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
      default:
        throw usageError('command', 'use `gateway list|claim|decide|delivery-records|conformance|serve`');
    }
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    process.stderr.write(
      `${JSON.stringify({ error: { status: e.status, code: e.code, field: e.field, message: e.text, attempts: e.attempts } }, null, 2)}\n`,
    );
    return 1;
  }
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** A decision from --file, or from --task and --outcome with the outputs and texts the outcome needs. */
function decisionFrom(values: Values): Decision {
  const str = (name: string) => values[name] as string | undefined;
  if (str('file')) return readJson(str('file')!, 'file') as Decision;
  const taskId = required(str('task'), 'task');
  const task = parseTaskId(taskId);
  if (!task) throw usageError('task', '--task is a task id as listed: CASE:ITEM:ATTEMPT');
  const outcome = required(str('outcome'), 'outcome') as Decision['outcome'];
  if (!['done', 'rejected', 'supplement'].includes(outcome))
    throw usageError('outcome', '--outcome is done, rejected or supplement (others: --file)');
  const text = (zh: string, en: string) => {
    if (!str(zh) && !str(en)) return undefined;
    return { zh: required(str(zh), zh), en: required(str(en), en) };
  };
  const outputs: Record<string, string> = {};
  for (const o of (values.output as string[] | undefined) ?? []) {
    const at = o.indexOf('=');
    if (at < 1) throw usageError('output', '--output is NAME=VALUE, e.g. certificateNumber=Q350000123');
    outputs[o.slice(0, at)] = o.slice(at + 1);
  }
  const reason = text('reason-zh', 'reason-en');
  const message = text('message-zh', 'message-en');
  return {
    txnId: str('txn') ?? txnIdFor(taskId, outcome),
    caseId: task.caseId,
    item: task.item,
    outcome,
    ...(Object.keys(outputs).length ? { outputs } : {}),
    ...(reason ? { reason } : {}),
    ...(str('material') ? { material: str('material') } : {}),
    ...(message ? { message } : {}),
  };
}

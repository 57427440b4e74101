/**
 * The command line's reading of its options: a required option, the simulator's rates and latency, a
 * JSON file. Every mistake becomes an INVALID_INPUT error naming the option, so the entry prints it as
 * JSON and exits with 2 like any other wrong input, and the message points to onething --help.
 */
import { readFileSync } from 'node:fs';
import { AppError, fieldError } from '../domain/error.ts';

/** `--rejection-rate 0.1 --supplement-rate 0.2 --fault-rate 0.05 --latency-hours 0.5-30` */
export function simulatorOptions(values: Record<string, string | boolean | undefined>) {
  const rate = (name: string) => {
    const v = values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw usageError(name, `--${name} must be a number from 0 to 1`);
    return n;
  };
  const opts: {
    rejectionRate?: number;
    supplementRate?: number;
    transientFaultRate?: number;
    latencyMs?: { min: number; max: number };
  } = {};
  const r = rate('rejection-rate'),
    s = rate('supplement-rate'),
    f = rate('fault-rate');
  if (r !== undefined) opts.rejectionRate = r;
  if (s !== undefined) opts.supplementRate = s;
  if (f !== undefined) opts.transientFaultRate = f;
  if (typeof values['latency-hours'] === 'string') {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(values['latency-hours']);
    if (!m || Number(m[1]) > Number(m[2]))
      throw usageError('latency-hours', '--latency-hours is MIN-MAX, e.g. 0.5-30');
    opts.latencyMs = { min: Number(m[1]) * 3600_000, max: Number(m[2]) * 3600_000 };
  }
  return opts;
}

/** A JSON file (or - for standard input), its errors naming the option by label. */
export function readJson(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw fieldError('INVALID_INPUT', field, {
      zh: `无法读取 ${path}（${(e as Error).message}）`,
      en: `cannot read ${path} (${(e as Error).message})`,
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fieldError('INVALID_INPUT', field, {
      zh: `不是有效的 JSON（${(e as Error).message}）`,
      en: `not valid JSON (${(e as Error).message})`,
    });
  }
}

export function required(value: string | undefined, field: string): string {
  if (value === undefined || value === '') throw usageError(field, `--${field} is required`);
  return value;
}

export function usageError(field: string, en: string): AppError {
  return fieldError('INVALID_INPUT', field, {
    zh: '用法有误，请运行 onething --help 查看用法',
    en: `${en}; see onething --help`,
  });
}

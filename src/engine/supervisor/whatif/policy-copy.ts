import { z } from 'zod';
import { AppError, fieldError } from '../../../domain/error.ts';
import type { RegionId } from '../../../domain/ids.ts';
import { fieldLabel } from '../../../domain/labels.ts';
import { getPolicy } from '../../../policies/index.ts';
import { definePolicy } from '../../../policy/define-policy.ts';
import type { Policy, PolicyInput } from '../../../policy/schema.ts';

/**
 * A policy officer's copy of a region's policy, with a change. Two shapes, both checked by the
 * same definePolicy() the region files go through:
 * - a whole policy (the region file's data as JSON);
 * - the live policy with changes: `{ "basedOn": region, "set": { "insurance.window.days": 60 },
 *   "remove": ["rules.some-rule"] }`. A path steps into arrays by an entry's id (as the policy's
 *   own figures do) or by index.
 */
const Changes = z.strictObject({
  basedOn: z.string().min(1),
  set: z.record(z.string().min(1), z.unknown()).default({}),
  remove: z.array(z.string().min(1)).default([]),
});

/** One change of a change set: the live value and the copy's (null where absent). */
export interface PolicyChange {
  path: string;
  live: unknown;
  copy: unknown;
}

/**
 * The copy, and its changes when written as a change set. A whole policy lists none: its texts
 * say what it holds. A change set leaves the live texts (their figures already filled in), so the
 * changes are what to read beside them.
 */
export function policyCopy(region: RegionId, input: unknown): { policy: Policy; changes: PolicyChange[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw fieldError('INVALID_INPUT', 'policy', {
      zh: '应为一份政策（JSON 对象）或对现行政策的修改',
      en: 'must be a policy (a JSON object) or changes to the live policy',
    });
  }
  const live = getPolicy(region);
  const changes: PolicyChange[] = [];
  const raw =
    'basedOn' in input
      ? withChanges(live, parseChanges(input), changes)
      : asInput(input as Record<string, unknown>);
  let copy: Policy;
  try {
    copy = definePolicy(raw as PolicyInput);
  } catch (e) {
    // The same checks as a region file, but the officer's file is input, not a broken build.
    if (e instanceof AppError && e.code === 'INVALID_POLICY') {
      // Each issue is about a field of the copy: named by the copy's labels, not the region file's path.
      const within = (text: string) => text.replace(/policy\([^)]*\)\.?/g, '');
      const issues = e.details.issues?.map((i) => {
        const field = within(i.field) ? `policy.${within(i.field)}` : 'policy';
        const label = fieldLabel(field)!;
        return {
          field,
          message: { zh: `${label.zh}：${within(i.message.zh)}`, en: `${label.en}: ${within(i.message.en)}` },
        };
      });
      throw new AppError(
        'INVALID_INPUT',
        {
          zh: `政策副本有误：${within(e.messages.zh)}`,
          en: `The policy copy is invalid: ${within(e.messages.en)}`,
        },
        { ...e.details, ...(issues ? { issues } : {}), field: 'policy' },
      );
    }
    throw e;
  }
  if (copy.region !== region) {
    throw fieldError('INVALID_INPUT', 'policy.region', {
      zh: `副本属于 ${copy.region}，不是所选地区 ${region}`,
      en: `the copy is ${copy.region}'s, not the region chosen (${region})`,
    });
  }
  return { policy: copy, changes };
}

/**
 * A whole policy as a region file writes it, or as definePolicy() returned it (a TypeScript copy
 * exporting definePolicy({...}), or the live policy saved as JSON): there the figures are already
 * numbers written into the texts, so as input they are plain text.
 */
function asInput(policy: Record<string, unknown>): Record<string, unknown> {
  const figures = policy.figures;
  const resolved =
    figures && typeof figures === 'object' && Object.values(figures).every((v) => typeof v === 'number');
  return resolved ? { ...policy, figures: {} } : policy;
}

function parseChanges(input: object) {
  const r = Changes.safeParse(input);
  if (!r.success) {
    throw fieldError('INVALID_INPUT', 'policy', {
      zh: '修改应写作 {"basedOn": 地区, "set": {路径: 新值}, "remove": [路径]}',
      en: 'changes are written {"basedOn": region, "set": {path: value}, "remove": [path]}',
    });
  }
  return r.data;
}

/** The live policy as definePolicy() input again, with the changes made. */
function withChanges(live: Policy, c: z.infer<typeof Changes>, changes: PolicyChange[]): unknown {
  if (c.basedOn !== live.region) {
    throw fieldError('INVALID_INPUT', 'policy.basedOn', {
      zh: `修改基于 ${c.basedOn}，不是所选地区 ${live.region}`,
      en: `the changes are based on ${c.basedOn}, not the region chosen (${live.region})`,
    });
  }
  // The parsed policy has its figures already written into its texts; as input they are plain text.
  const draft = { ...structuredClone(live), figures: {} } as Record<string, unknown>;
  for (const [path, value] of Object.entries(c.set)) {
    const { parent, key } = locate(draft, path);
    if (Array.isArray(parent)) {
      const i = indexIn(parent, key);
      changes.push({ path, live: i < 0 ? null : parent[i], copy: value });
      if (i < 0) parent.push(value);
      else parent[i] = value;
    } else {
      changes.push({ path, live: parent[key] ?? null, copy: value });
      parent[key] = value;
    }
  }
  for (const path of c.remove) {
    const { parent, key } = locate(draft, path);
    if (Array.isArray(parent)) {
      const i = indexIn(parent, key);
      if (i < 0) throw noSuchPath(path);
      changes.push({ path, live: parent[i], copy: null });
      parent.splice(i, 1);
    } else if (key in parent) {
      changes.push({ path, live: parent[key], copy: null });
      delete parent[key];
    } else throw noSuchPath(path);
  }
  return draft;
}

type Container = Record<string, unknown> | unknown[];

function locate(root: Record<string, unknown>, path: string): { parent: Container; key: string } {
  const keys = path.split('.');
  let at: Container = root;
  for (const key of keys.slice(0, -1)) {
    const next: unknown = Array.isArray(at) ? at[indexIn(at, key)] : at[key];
    if (!next || typeof next !== 'object') throw noSuchPath(path);
    at = next as Container;
  }
  return { parent: at, key: keys[keys.length - 1]! };
}

function indexIn(list: unknown[], key: string): number {
  const byId = list.findIndex((x) => (x as { id?: unknown })?.id === key);
  return byId >= 0 ? byId : /^\d+$/.test(key) && Number(key) < list.length ? Number(key) : -1;
}

function noSuchPath(path: string): AppError {
  return fieldError('INVALID_INPUT', 'policy', {
    zh: `现行政策中没有 ${path}`,
    en: `the live policy has no ${path}`,
  });
}

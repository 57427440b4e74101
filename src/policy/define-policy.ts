import { AppError, type FieldIssue } from '../domain/error.ts';
import type { ItemId } from '../domain/ids.ts';
import { invalidInput } from './facts.ts';
import type { Condition } from './predicates.ts';
import type { z } from 'zod';
import { PolicyInput, type Policy } from './schema.ts';

/**
 * Parse a region's policy and cross-check it, so a mistake in a region file fails at start-up
 * with the path of the mistake instead of misleading a parent later:
 * - every item named anywhere (dependencies, packages, scenarios, rules, materials, fields,
 *   delivery, legal bases, insurance) is an item the policy offers, and the dependencies form a DAG;
 * - packages and mandatory items include what their items depend on;
 * - ids are unique; every citation points into one of the policy's own source documents;
 * - a hotline is an institutional number, never a personal mobile (the documents name officials with numbers; the product shows only institutional ones).
 */
export function definePolicy(input: PolicyInput): Policy {
  const parsed = PolicyInput.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const err = invalidInput(parsed.error, `policy(${String((input as { region?: unknown }).region)})`);
    throw new AppError('INVALID_POLICY', err.messages, err.details);
  }
  const figures = resolveFigures(parsed.data);
  const policy: Policy = { ...fillFigures(parsed.data, figures.values), figures: figures.values };
  const problems = [...figures.problems, ...crossCheck(policy)];
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_POLICY',
      {
        zh: `地区政策 ${policy.region} 自相矛盾：${problems.map((p) => p.message.zh).join('；')}`,
        en: `policy ${policy.region} is inconsistent: ${problems.map((p) => p.message.en).join('; ')}`,
      },
      { issues: problems },
    );
  }
  return deepFreeze(policy);
}

function crossCheck(policy: Policy): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const problem = (field: string, zh: string, en: string) =>
    problems.push({ field, message: { zh: `${field}：${zh}`, en: `${field}: ${en}` } });
  const offered = new Set<ItemId>(policy.items.map((i) => i.id));
  const requireItem = (field: string, item: ItemId) => {
    if (!offered.has(item))
      problem(field, `事项 ${item} 不在本地区办理事项中`, `item ${item} is not one this region offers`);
  };

  unique(policy.items.map((i) => i.id)).forEach((d) =>
    problem('items', `事项重复：${d}`, `item listed twice: ${d}`),
  );
  unique(policy.rules.map((r) => r.id)).forEach((d) =>
    problem('rules', `规则编号重复：${d}`, `rule id used twice: ${d}`),
  );
  unique(policy.materials.map((m) => m.id)).forEach((d) =>
    problem('materials', `材料编号重复：${d}`, `material id used twice: ${d}`),
  );
  unique(policy.formFields.map((f) => f.id)).forEach((d) =>
    problem('formFields', `字段编号重复：${d}`, `form field id used twice: ${d}`),
  );
  unique(policy.scenarios.map((s) => s.id)).forEach((d) =>
    problem('scenarios', `情形重复：${d}`, `scenario listed twice: ${d}`),
  );
  unique(policy.packages.map((p) => p.id)).forEach((d) =>
    problem('packages', `套餐重复：${d}`, `package listed twice: ${d}`),
  );

  policy.items.forEach((item, i) =>
    item.dependsOn.forEach((d, j) => requireItem(`items[${i}].dependsOn[${j}]`, d)),
  );
  const cycle = findCycle(policy);
  if (cycle)
    problem(
      'items',
      `事项依赖成环：${cycle.join(' → ')}`,
      `the item dependencies form a cycle: ${cycle.join(' → ')}`,
    );

  const closure = (items: ItemId[]) => {
    const missing = new Set<ItemId>();
    for (const id of items)
      for (const d of policy.items.find((x) => x.id === id)?.dependsOn ?? [])
        if (!items.includes(d)) missing.add(d);
    return [...missing];
  };
  policy.packages.forEach((p, i) => {
    p.items.forEach((it, j) => requireItem(`packages[${i}].items[${j}]`, it));
    for (const m of closure(p.items))
      problem(
        `packages[${i}]`,
        `套餐缺少其事项所依赖的 ${m}`,
        `package lacks ${m}, which its items depend on`,
      );
  });
  policy.mandatory?.items.forEach((it, j) => requireItem(`mandatory.items[${j}]`, it));
  if (policy.mandatory)
    for (const m of closure(policy.mandatory.items))
      problem('mandatory', `必选事项缺少其依赖的 ${m}`, `mandatory items lack ${m}, which they depend on`);
  if (!policy.scenarios.some((s) => s.id === 'full'))
    problem('scenarios', '必须提供全流程情形', 'the full scenario must be offered');
  policy.scenarios.forEach((s, i) =>
    s.skips.forEach((it, j) => requireItem(`scenarios[${i}].skips[${j}]`, it)),
  );

  policy.rules.forEach((r, i) => {
    if (r.scope !== 'case') requireItem(`rules[${i}].scope`, r.scope);
    for (const c of [r.require, r.appliesWhen])
      if (c) conditionItems(c).forEach((it) => requireItem(`rules[${i}]`, it));
  });
  policy.materials.forEach((m, i) =>
    m.forItems.forEach((it, j) => requireItem(`materials[${i}].forItems[${j}]`, it)),
  );
  policy.formFields.forEach((f, i) =>
    f.forItems.forEach((it, j) => requireItem(`formFields[${i}].forItems[${j}]`, it)),
  );
  policy.delivery.forEach((d, i) => requireItem(`delivery[${i}].item`, d.item));
  unique(policy.delivery.map((d) => d.item)).forEach((d) =>
    problem('delivery', `送达方式重复：${d}`, `delivery given twice for ${d}`),
  );
  policy.legalBases.forEach((l, i) =>
    l.items.forEach((it, j) => requireItem(`legalBases[${i}].items[${j}]`, it)),
  );
  if (policy.insurance.stated) requireItem('insurance', 'insurance-enrollment');
  policy.familyDeadlines.forEach((d, i) => requireItem(`familyDeadlines[${i}].after`, d.after));
  policy.crossProvince?.items.forEach((it, j) => requireItem(`crossProvince.items[${j}]`, it));
  policy.items.forEach((item, i) => {
    if (item.kind !== 'service') return;
    if (item.sla)
      problem(
        `items[${i}]`,
        '服务事项不派发任务，不设办理时限',
        'a service is not a dispatched task and has no time limit',
      );
    const dependants = policy.items.filter((x) => x.dependsOn.includes(item.id));
    if (dependants.length)
      problem(
        `items[${i}]`,
        '联办事项不能依赖服务事项',
        `joint items cannot wait for a service (${dependants.map((d) => d.id).join(', ')})`,
      );
  });
  for (const { path, text } of bilinguals(policy))
    if (/\{\{/.test(text))
      problem(path, `引用了未定义的数字：${text}`, `quotes a figure that is not defined: ${text}`);

  const sourceFiles = new Set<string>(policy.sources.map((s) => s.file));
  for (const { path, file } of citations(policy)) {
    if (!sourceFiles.has(file))
      problem(
        path,
        `引用的文件 ${file} 不在本政策的来源文件中`,
        `cites file ${file}, which is not among this policy's sources`,
      );
  }
  policy.hotlines.forEach((h, i) => {
    if (/(^|\D)1[3-9]\d{9}($|\D)/.test(h.number))
      problem(
        `hotlines[${i}]`,
        '只能登载机构电话，不得登载个人手机号码',
        'only institutional numbers may be listed, never a personal mobile',
      );
  });
  return problems;
}

/** Look each figure up where the rules set it; a path that leads to no number is a mistake. */
function resolveFigures(policy: z.infer<typeof PolicyInput>) {
  const values: Record<string, number> = {};
  const problems: FieldIssue[] = [];
  for (const [name, path] of Object.entries(policy.figures)) {
    let at: unknown = policy;
    for (const key of path.split('.')) {
      if (Array.isArray(at)) at = at.find((x: { id?: string }) => x?.id === key);
      else at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    }
    if (typeof at === 'number') values[name] = at;
    else
      problems.push({
        field: `figures.${name}`,
        message: {
          zh: `figures.${name}：${path} 不是政策中的数字`,
          en: `figures.${name}: ${path} is not a number in this policy`,
        },
      });
  }
  return { values, problems };
}

/** Put each figure's number into every text that quotes it as {{name}}. */
function fillFigures<T>(value: T, figures: Record<string, number>): T {
  if (typeof value === 'string')
    return value.replace(/\{\{([a-z0-9-]+)\}\}/g, (whole, name: string) =>
      name in figures ? String(figures[name]) : whole,
    ) as T;
  if (Array.isArray(value)) return value.map((v) => fillFigures(v, figures)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillFigures(v, figures)])) as T;
  return value;
}

function bilinguals(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => bilinguals(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => bilinguals(v, path ? `${path}.${k}` : k));
  return [];
}

function unique<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function conditionItems(c: Condition): ItemId[] {
  if ('all' in c) return c.all.flatMap(conditionItems);
  if ('any' in c) return c.any.flatMap(conditionItems);
  if ('not' in c) return conditionItems(c.not);
  return c.is === 'item-chosen' ? [c.item] : [];
}

function findCycle(policy: Policy): ItemId[] | null {
  const deps = new Map(policy.items.map((i) => [i.id, i.dependsOn]));
  const state = new Map<ItemId, 'visiting' | 'done'>();
  const stack: ItemId[] = [];
  const visit = (id: ItemId): ItemId[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of deps.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/** Every citation in the policy with its path, found by walking the data. */
export function citations(value: unknown, path = ''): { path: string; file: string; clause: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const out: { path: string; file: string; clause: string }[] = [];
  for (const [key, v] of Object.entries(record)) {
    const p = path ? `${path}.${key}` : key;
    if (key === 'citation' && v && typeof v === 'object') {
      const c = v as { file: string; clause: string };
      out.push({ path: p, file: c.file, clause: c.clause });
    } else if (key === 'citations' && Array.isArray(v)) {
      (v as { file: string; clause: string }[]).forEach((c, i) =>
        out.push({ path: `${p}[${i}]`, file: c.file, clause: c.clause }),
      );
    } else {
      out.push(...citations(v, p));
    }
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

import { Condition } from '../../src/policy/predicates.ts';

/**
 * Every condition anywhere in a policy: rules, materials and whatever field the schema adds next,
 * found by shape rather than by name, so a test over them covers new fields too.
 */
export function conditionsOf(policy: unknown): Condition[] {
  const found: Condition[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    if (
      ('is' in node || 'all' in node || 'any' in node || 'not' in node) &&
      Condition.safeParse(node).success
    ) {
      found.push(node as Condition);
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(policy);
  return found;
}

/** Every GB/T 2260 prefix a policy names: its area, its conditions, its mailing limits. */
export function divisionCodesOf(policy: unknown): string[] {
  const codes = new Set<string>();
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      if (key === 'divisions' || key === 'mailWithin')
        for (const c of node) if (typeof c === 'string') codes.add(c);
      return node.forEach((n) => walk(n, key));
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(policy, '');
  return [...codes];
}

/**
 * The code names in a piece of policy data: every string value that is an id in kebab-case with a
 * hyphen (item, rule, material, scenario, predicate, enum values), and every division code. None may
 * reach a reader.
 */
export function codeNamesIn(data: unknown): string[] {
  const codes = new Set<string>(divisionCodesOf(data));
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(node) && /[a-z]/.test(node)) codes.add(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(data);
  return [...codes];
}

/** A code as a whole token: '62' not inside '0931-62623959', 'full' not inside 'fully'. */
export function codePattern(code: string): RegExp {
  const boundary = /^\d/.test(code) ? '\\d' : '[a-z0-9-]';
  return new RegExp(`(?<!${boundary})${code.replace(/[-]/g, '\\-')}(?!${boundary})`);
}

/** The policy's prose: every zh and en text. */
export function textsOf(data: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node))
      if ((k === 'zh' || k === 'en') && typeof v === 'string') texts.push(v);
      else walk(v);
  };
  walk(data);
  return texts;
}

import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values of a schema's shape,
 * and the same values broken in one place (a wrong type, a required field left out, a field too
 * many, a string past its limit, a control character or a lone surrogate). Only what the document
 * uses is understood: $ref, const, enum, anyOf/oneOf, type (or a list of types), properties,
 * required, additionalProperties, propertyNames, items, min/max lengths, items and values,
 * pattern and the date formats.
 */
export type JsonSchema = { [k: string]: unknown };

export interface SchemaContext {
  /** `#/components/schemas`, for `$ref`. */
  components: Record<string, JsonSchema>;
  /**
   * Real values by field name (the rig's case id, the family's ID numbers, a real PNG, a complete
   * application), drawn from often so that shaped requests get past the first check and reach the
   * handlers. Read when a value is drawn, so a pool may grow as the fuzz finds new ids.
   */
  hints: Record<string, unknown[]>;
}

const s = (v: unknown): JsonSchema => (v && typeof v === 'object' ? (v as JsonSchema) : {});

export function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let here = schema;
  for (let i = 0; typeof here.$ref === 'string' && i < 20; i++)
    here = s(ctx.components[here.$ref.replace('#/components/schemas/', '')]);
  return here;
}

/** Text a person could type: ASCII, some Chinese, a few punctuation marks. */
const TEXT_UNIT = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.constantFrom(...'李王张安然明华福建省泉州市晋江路号室、，。·（）'), weight: 2 },
);

function text(min: number, max: number): fc.Arbitrary<string> {
  const upper = Math.max(min, Math.min(max, min + 24));
  return fc.string({ unit: TEXT_UNIT, minLength: min, maxLength: upper });
}

/**
 * Names every JavaScript object has: an id looked up in a plain object by such a name finds the
 * prototype's function, not "nothing".
 */
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function shapedString(schema: JsonSchema): fc.Arbitrary<string> {
  const base = stringOfShape(schema);
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : null;
  const fitting = PROTOTYPE_NAMES.filter(
    (n) => n.length >= min && n.length <= max && (!pattern || pattern.test(n)) && !schema.format,
  );
  if (!fitting.length) return base;
  return fc.oneof({ arbitrary: base, weight: 9 }, { arbitrary: fc.constantFrom(...fitting), weight: 1 });
}

function stringOfShape(schema: JsonSchema): fc.Arbitrary<string> {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (typeof schema.pattern === 'string') {
    const fits = (v: string) => v.length >= min && v.length <= max;
    return fc
      .stringMatching(new RegExp(schema.pattern), { size: 'small' })
      .map((v) => (fits(v) ? v : v.slice(0, max)));
  }
  return text(min, max);
}

function shapedNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  const min =
    num('minimum') ?? (num('exclusiveMinimum') !== undefined ? num('exclusiveMinimum')! + 1 : -1000);
  const max =
    num('maximum') ?? (num('exclusiveMaximum') !== undefined ? num('exclusiveMaximum')! - 1 : 100_000);
  const lo = Math.max(min, -1e9);
  const hi = Math.min(max, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true });
}

/** Values of the schema's shape; `name` is the field's, for its hints. */
export function shaped(
  schema: JsonSchema,
  ctx: SchemaContext,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const generated = byShape(resolve(schema, ctx), ctx, depth);
  const pool = name ? ctx.hints[name] : undefined;
  if (!pool?.length) return generated;
  const hinted = fc.nat().map((i) => structuredClone(pool[i % pool.length]));
  return fc.oneof({ arbitrary: hinted, weight: 3 }, { arbitrary: generated, weight: 1 });
}

function byShape(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => shaped(b, ctx, undefined, depth)));
  if (Array.isArray(schema.type))
    return fc.oneof(...(schema.type as string[]).map((t) => byShape({ ...schema, type: t }, ctx, depth)));
  switch (schema.type) {
    case 'string':
      return shapedString(schema);
    case 'integer':
      return shapedNumber(schema, true);
    case 'number':
      return shapedNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(s(schema.items), ctx, undefined, depth + 1), {
        minLength: typeof schema.minItems === 'number' ? schema.minItems : 0,
        maxLength: Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, 4),
      });
    case 'object':
      return shapedObject(schema, ctx, depth);
  }
  return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
}

function shapedObject(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(s(schema.properties));
  if (properties.length) {
    const model = Object.fromEntries(properties.map(([k, p]) => [k, shaped(s(p), ctx, k, depth + 1)]));
    return fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
  }
  if (schema.additionalProperties === false) return fc.constant({});
  const values =
    typeof schema.additionalProperties === 'object'
      ? shaped(s(schema.additionalProperties), ctx, undefined, depth + 1)
      : depth > 2
        ? fc.constant(null)
        : fc.jsonValue({ maxDepth: 1 });
  const keys = schema.propertyNames ? shapedString(resolve(s(schema.propertyNames), ctx)) : text(1, 12);
  return fc.dictionary(keys, values, { maxKeys: 3, noNullPrototype: true });
}

/** Where in a value a mutation may land: the node, its schema there, and how to replace it. */
interface Spot {
  value: unknown;
  schema: JsonSchema;
  set: (v: unknown) => void;
}

/** The schema a value took (for anyOf, the first branch of its kind). */
function branchFor(schema: JsonSchema, value: unknown, ctx: SchemaContext): JsonSchema {
  const here = resolve(schema, ctx);
  const branches = (here.anyOf ?? here.oneOf) as JsonSchema[] | undefined;
  if (!branches) return here;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const fits = (b: JsonSchema) => {
    const t = resolve(b, ctx).type;
    return t === kind || (t === 'integer' && kind === 'number') || (Array.isArray(t) && t.includes(kind));
  };
  return resolve(branches.find(fits) ?? branches[0]!, ctx);
}

function spots(root: { v: unknown }, schema: JsonSchema, ctx: SchemaContext): Spot[] {
  const out: Spot[] = [];
  const visit = (value: unknown, sch: JsonSchema, set: (v: unknown) => void) => {
    const here = branchFor(sch, value, ctx);
    out.push({ value, schema: here, set });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, s(here.items), (v) => (value[i] = v)));
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const props = s(here.properties);
      for (const k of Object.keys(obj))
        visit(obj[k], s(props[k] ?? here.additionalProperties), (v) => (obj[k] = v));
    }
  };
  visit(root.v, schema, (v) => (root.v = v));
  return out;
}

export const MUTATIONS = [
  'wrong-type',
  'missing-required',
  'extra-field',
  'overlong',
  'control-character',
  'lone-surrogate',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, true, false, null, [], {}, '', 'text', ['a'], { a: 1 }];
const BAD_CHARACTERS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u2028'];
const SURROGATES = ['\uD800', '\uDFFF', '\uD83D', 'a\uDC00b'];
export const EXTRA_KEYS = ['extra', '额外字段', '__proto__', 'constructor', 'toString', 'x'.repeat(300)];

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A string just past the schema's length limit (or very long where it sets none). */
export const overlong = (schema: JsonSchema) =>
  'x'.repeat(typeof schema.maxLength === 'number' ? schema.maxLength + 1 : 100_000);

export function withBadCharacter(value: string, pick: number, surrogate: boolean): string {
  const bad = (surrogate ? SURROGATES : BAD_CHARACTERS)[
    pick % (surrogate ? SURROGATES : BAD_CHARACTERS).length
  ]!;
  const at = pick % (value.length + 1);
  return value.slice(0, at) + bad + value.slice(at);
}

/**
 * The value broken in one place by `mutation`, at the `pick`-th place it can land. Where it cannot
 * land (no string to lengthen, no required field), the whole value takes a wrong type instead.
 */
export function mutate(
  value: unknown,
  schema: JsonSchema,
  ctx: SchemaContext,
  mutation: Mutation,
  pick: number,
): unknown {
  const root = { v: structuredClone(value) };
  const all = spots(root, schema, ctx);
  const choose = <T>(xs: T[]) => xs[pick % xs.length]!;
  const strings = all.filter((p) => typeof p.value === 'string');
  const objects = all.filter((p) => kindOf(p.value) === 'object');
  if (mutation === 'missing-required') {
    const withRequired = objects.filter((p) =>
      ((p.schema.required as string[] | undefined) ?? []).some((k) => k in (p.value as object)),
    );
    if (withRequired.length) {
      const spot = choose(withRequired);
      const obj = spot.value as Record<string, unknown>;
      const present = (spot.schema.required as string[]).filter((k) => k in obj);
      delete obj[present[pick % present.length]!];
      return root.v;
    }
  }
  if (mutation === 'extra-field' && objects.length) {
    const obj = choose(objects).value as Record<string, unknown>;
    // An own property even for `__proto__`, as JSON.parse would make it.
    Object.defineProperty(obj, EXTRA_KEYS[pick % EXTRA_KEYS.length]!, {
      value: choose(WRONG_TYPES),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return root.v;
  }
  if (mutation === 'overlong' && strings.length) {
    const spot = choose(strings);
    spot.set(overlong(spot.schema));
    return root.v;
  }
  if (mutation === 'control-character' || mutation === 'lone-surrogate') {
    const surrogate = mutation === 'lone-surrogate';
    // Now and then the bad character goes into a key instead of a value.
    const inKey = objects.filter((p) => Object.keys(p.value as object).length);
    if (inKey.length && (pick % 4 === 0 || !strings.length)) {
      const obj = choose(inKey).value as Record<string, unknown>;
      const key = choose(Object.keys(obj));
      obj[withBadCharacter(key, pick, surrogate)] = obj[key];
      delete obj[key];
      return root.v;
    }
    if (strings.length) {
      const spot = choose(strings);
      spot.set(withBadCharacter(spot.value as string, pick, surrogate));
      return root.v;
    }
  }
  const spot = choose(all);
  const others = WRONG_TYPES.filter((w) => kindOf(w) !== kindOf(spot.value));
  spot.set(structuredClone(others[pick % others.length]));
  return root.v;
}

/** The dotted path of every field a schema names (a map's entries and array items are its own). */
export function fieldPaths(
  schema: JsonSchema,
  ctx: SchemaContext,
  prefix: string,
  seen = new Set<JsonSchema>(),
): string[] {
  const here = resolve(schema, ctx);
  if (seen.has(here)) return [];
  const inner = new Set(seen).add(here);
  const branches = [
    ...((here.anyOf ?? here.oneOf ?? []) as JsonSchema[]),
    ...(here.items ? [s(here.items)] : []),
  ];
  return [
    ...branches.flatMap((b) => fieldPaths(b, ctx, prefix, inner)),
    ...Object.entries(s(here.properties)).flatMap(([k, p]) => [
      `${prefix}.${k}`,
      ...fieldPaths(s(p), ctx, `${prefix}.${k}`, inner),
    ]),
  ];
}

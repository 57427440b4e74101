/**
 * An example for an answer that has none of its own, built from its schema: a field's own example
 * where it has one, otherwise a value of its type within its bounds. Every property is filled, the
 * optional ones too, so the example shows the whole shape; a schema that refers to itself stops at
 * the second level. Redocly checks each example against its schema (no-invalid-media-type-examples).
 */
type Schema = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  'date-time': '2026-11-16T02:00:00.000Z',
  date: '2026-11-16',
  binary: '',
  email: 'someone@example.gov.cn',
  uri: 'https://example.gov.cn/',
};

export function exampleOf(schema: Schema, components: Record<string, unknown>, seen: string[] = []): unknown {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.filter((s) => s === name).length >= 1) return undefined;
    return exampleOf((components[name] ?? {}) as Schema, components, [...seen, name]);
  }
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? null;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  const branch = branches?.find((b) => b.type !== 'null') ?? branches?.[0];
  if (branch) return exampleOf(branch, components, seen);
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s as Schema, components, seen) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      // A bare int() carries the safe-integer bound as its minimum: no example a reader could use.
      return typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER
        ? schema.minimum
        : type === 'integer'
          ? 1
          : 1.5;
    case 'boolean':
      return true;
    case 'array': {
      const item = schema.items ? exampleOf(schema.items as Schema, components, seen) : undefined;
      const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
      return item === undefined ? [] : Array.from({ length: Math.max(min, 1) }, () => item);
    }
    case 'object':
    case undefined: {
      const props = schema.properties as Record<string, Schema> | undefined;
      if (!props) {
        const extra = schema.additionalProperties;
        if (extra && typeof extra === 'object') {
          const value = exampleOf(extra as Schema, components, seen);
          return value === undefined ? {} : { key: value };
        }
        return type === 'object' ? {} : null;
      }
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(props)) {
        const v = exampleOf(s, components, seen);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    default:
      return null;
  }
}

function stringExample(schema: Schema): string {
  if (typeof schema.format === 'string' && schema.format in FORMATS) return FORMATS[schema.format]!;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  return 'text'.padEnd(min, 'x').slice(0, Math.max(max, 0));
}

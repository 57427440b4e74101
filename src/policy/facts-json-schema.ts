import { z } from 'zod';
import { Facts } from './facts.ts';
import type { Policy } from './schema.ts';

/**
 * The facts format as JSON Schema, for integrators. With a policy, the choices are narrowed to what
 * that region offers (its packages, items and delivery methods), so a form built from the schema
 * cannot offer what the evaluator would refuse as bad input.
 */
export function factsJsonSchema(policy?: Policy): Record<string, unknown> {
  const schema = z.toJSONSchema(Facts, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  schema.$id = policy
    ? `https://onething.example/schema/facts/${policy.region}.json`
    : 'https://onething.example/schema/facts.json';
  schema.title = policy ? `Facts for ${policy.name.en}` : 'Facts for the newborn one-thing evaluator';
  if (!policy) return schema;
  const choices = (
    schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>
  ).choices!.properties;
  if (policy.packages.length) choices.packageId = { type: 'string', enum: policy.packages.map((p) => p.id) };
  else delete choices.packageId;
  choices.items = { type: 'array', items: { type: 'string', enum: policy.items.map((i) => i.id) } };
  choices.delivery = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      policy.delivery.map((d) => [d.item, { type: 'string', enum: d.methods.map((m) => m.kind) }]),
    ),
  };
  if (policy.recipient) choices.recipient = { type: 'string', enum: [...policy.recipient.allowed] };
  return schema;
}

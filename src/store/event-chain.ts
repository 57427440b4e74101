import { createHash } from 'node:crypto';
import type { CaseEvent } from '../domain/case.ts';

/** The hash before a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Each event's hash covers the previous hash, its sequence number and its content, so editing,
 * removing or reordering any stored event breaks every hash after it (`onething verify` finds it).
 */
export function chainHash(prevHash: string, seq: number, event: CaseEvent): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${canonicalJson(event)}`).digest('hex');
}

/** JSON with object keys sorted, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

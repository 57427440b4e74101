import { createHash } from 'node:crypto';
import type { CaseEvent } from '../domain/case.ts';
import { canonicalJson } from '../domain/canonical-json.ts';

/** The hash before a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Each event's hash covers the previous hash, its sequence number and its content, so editing,
 * removing or reordering any stored event breaks every hash after it (`onething verify` finds it).
 */
export function chainHash(prevHash: string, seq: number, event: CaseEvent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${seq}\n${canonicalJson(event)}`)
    .digest('hex');
}

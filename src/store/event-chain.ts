import { createHash, createHmac } from 'node:crypto';
import type { CaseEvent } from '../domain/case.ts';
import { canonicalJson } from '../domain/canonical-json.ts';

/** The hash before a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The development key, readable on purpose: it is not a secret, and the production start-up check
 * refuses it (any key starting with `dev-`).
 */
export const DEV_EVENT_CHAIN_KEY = 'dev-event-chain-key-development-only-not-secret';

/** A chain key and its public id: the id names the key in checkpoints without revealing it. */
export interface ChainKey {
  id: string;
  secret: string;
}

/**
 * The key new events and checkpoints are signed with, and the retired keys older events were
 * signed with (kept only to check them). Keys live in the environment, never in the database.
 */
export interface ChainKeys {
  current: ChainKey;
  previous: ChainKey[];
}

export function chainKey(secret: string): ChainKey {
  return {
    id: createHmac('sha256', secret).update('onething event chain key id').digest('hex').slice(0, 16),
    secret,
  };
}

export function chainKeys(current: string, previous: string[] = []): ChainKeys {
  return { current: chainKey(current), previous: previous.map(chainKey) };
}

/**
 * EVENT_CHAIN_KEY (the current key) and EVENT_CHAIN_PREVIOUS_KEYS (comma-separated retired keys,
 * newest first). Development falls back to DEV_EVENT_CHAIN_KEY; production's start-up check
 * (production.ts) requires a real key, so this default never signs a production store.
 */
export function chainKeysFromEnv(env: NodeJS.ProcessEnv): ChainKeys {
  const previous = (env.EVENT_CHAIN_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chainKeys(env.EVENT_CHAIN_KEY?.trim() || DEV_EVENT_CHAIN_KEY, previous);
}

/** Development and tests: the development key alone. */
export const devChainKeys = (): ChainKeys => chainKeys(DEV_EVENT_CHAIN_KEY);

/** Every key, the current one first: the order a hash is tried in. */
export function allKeys(keys: ChainKeys): ChainKey[] {
  return [keys.current, ...keys.previous];
}

const message = (prevHash: string, seq: number, event: CaseEvent) =>
  `${prevHash}\n${seq}\n${canonicalJson(event)}`;

/**
 * Each event's hash is an HMAC-SHA-256 over the previous hash, its sequence number and its
 * content, keyed with a secret kept outside the database. Editing, removing or reordering any
 * stored event breaks every hash after it, and someone who can write to the database but does
 * not hold the key cannot compute hashes that pass (`onething verify` finds it).
 */
export function chainHash(key: ChainKey, prevHash: string, seq: number, event: CaseEvent): string {
  return createHmac('sha256', key.secret)
    .update(message(prevHash, seq, event))
    .digest('hex');
}

/**
 * The unkeyed SHA-256 chain stores wrote before migration 0020. Anyone can recompute it, so it is
 * only ever read: to re-key an old store once (engine/chain-keying.ts) and to name a forgery.
 */
export function plainChainHash(prevHash: string, seq: number, event: CaseEvent): string {
  return createHash('sha256')
    .update(message(prevHash, seq, event))
    .digest('hex');
}

/** Which of the keys signed this event, as an index into allKeys (0 = current); -1 if none. */
export function signedBy(keys: ChainKey[], prevHash: string, seq: number, event: CaseEvent, hash: string) {
  return keys.findIndex((k) => chainHash(k, prevHash, seq, event) === hash);
}

import { deleteExpiredNonces, firstUseOfNonce } from '../../store/nonce-store.ts';
import type { EngineDeps } from '../deps.ts';

/** Whether a signed request's nonce is new (see http/gateway-signature.ts); it is remembered until `until`. */
export function firstUse(deps: EngineDeps, sender: string, nonce: string, until: Date): Promise<boolean> {
  return firstUseOfNonce(deps.db, sender, nonce, until, deps.clock.now());
}

/** The sweeper's part: nonces past their window are of no more use. */
export function forgetExpiredNonces(deps: EngineDeps): Promise<number> {
  return deleteExpiredNonces(deps.db, deps.clock.now());
}

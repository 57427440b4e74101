import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.ts';

/**
 * The platform's own login session, issued after the unified-identity login (OIDC): a short
 * HMAC-signed token naming the citizen. Stateless, so any server with the key accepts it.
 * Format: `s1.<base64url JSON {id, exp}>.<base64url HMAC-SHA256>`.
 */
export interface SessionTokens {
  issue(idNumber: string): string;
  /** The ID number, or null when the token is forged, malformed or expired. */
  verify(token: string): string | null;
}

export function sessionTokens(key: string, clock: Clock, ttlSeconds = 8 * 3600): SessionTokens {
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(idNumber) {
      const payload = Buffer.from(
        JSON.stringify({ id: idNumber, exp: Math.floor(clock.now().getTime() / 1000) + ttlSeconds }),
      ).toString('base64url');
      return `s1.${payload}.${mac(payload)}`;
    },
    verify(token) {
      const [version, payload, signature] = token.split('.');
      if (version !== 's1' || !payload || !signature) return null;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const { id, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
          id: string;
          exp: number;
        };
        return typeof id === 'string' && exp * 1000 > clock.now().getTime() ? id : null;
      } catch {
        return null;
      }
    },
  };
}

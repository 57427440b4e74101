import { fieldError } from '../domain/error.ts';
import { isCitizenId } from '../domain/citizen-id.ts';
import { RegionId } from '../domain/ids.ts';
import type { SessionTokens } from './sessions.ts';

/**
 * Who is calling. The identity provider is a port. Two ways in:
 * - a session token (`Bearer s1.…`) the platform issued after a unified-identity (OIDC) login: a
 *   citizen's, or a staff account's (`staff:<id>`), which is a supervisor's when the account is one;
 * - outside production, the dev provider: `Bearer dev:<ID number>` and `Bearer dev-supervisor:<regions>`.
 */
export interface Citizen {
  idNumber: string;
}

/** A member of an organisation's staff (a hospital, a police station, …), by staff id. */
export interface StaffLogin {
  staffId: string;
}

/** A supervisor sees the regions they are responsible for. */
export interface Supervisor {
  regions: RegionId[];
}

export interface IdentityProvider {
  /** How the app offers logging in: the dev picker, and/or a unified-identity (OIDC) redirect. */
  readonly login: { providers: ('dev' | 'oidc')[]; oidcLoginUrl: string | null };
  citizenFrom(authorization: string | undefined): Promise<Citizen>;
  supervisorFrom(authorization: string | undefined): Promise<Supervisor>;
  staffFrom(authorization: string | undefined): Promise<StaffLogin>;
}

/** A platform session names a citizen by ID number, or a staff account by this prefix and its id. */
export const STAFF_SESSION = 'staff:';

const bearer = (authorization: string | undefined) => authorization?.replace(/^Bearer\s+/i, '') ?? '';

export function identityProvider(options: {
  production: boolean;
  sessions?: SessionTokens;
  oidc?: boolean;
  /** The regions a supervisor's account reads, read at every request (null: not a supervisor). */
  supervisedRegions?: (staffId: string) => Promise<RegionId[] | null>;
}): IdentityProvider {
  const dev = !options.production;
  return {
    login: {
      providers: [...(dev ? ['dev' as const] : []), ...(options.oidc ? ['oidc' as const] : [])],
      oidcLoginUrl: options.oidc ? '/api/auth/oidc/login' : null,
    },
    async citizenFrom(authorization) {
      const token = bearer(authorization);
      const fromSession = token.startsWith('s1.') ? options.sessions?.verify(token) : null;
      if (fromSession && isCitizenId(fromSession)) return { idNumber: fromSession };
      if (dev && token.startsWith('dev:') && isCitizenId(token.slice(4))) return { idNumber: token.slice(4) };
      throw fieldError('UNAUTHORIZED', 'authorization', { zh: '请先登录', en: 'please log in' });
    },
    // A session issued after a unified-identity login to a staff account (`staff:<id>`), or
    // `Bearer dev-staff:<staff id>` in development; the staff account decides organisation and role.
    async staffFrom(authorization) {
      const token = bearer(authorization);
      const fromSession = token.startsWith('s1.') ? options.sessions?.verify(token) : null;
      if (fromSession?.startsWith(STAFF_SESSION)) return { staffId: fromSession.slice(STAFF_SESSION.length) };
      if (dev && /^dev-staff:[a-z0-9-]{1,80}$/.test(token)) return { staffId: token.slice(10) };
      throw fieldError('UNAUTHORIZED', 'authorization', {
        zh: '请以工作人员身份登录',
        en: 'please log in as a member of staff',
      });
    },
    // A staff session whose account is a supervisor's (a clerk's is refused), or
    // `Bearer dev-supervisor:fujian,anhui` in development.
    async supervisorFrom(authorization) {
      const token = bearer(authorization);
      const fromSession = token.startsWith('s1.') ? options.sessions?.verify(token) : null;
      if (fromSession?.startsWith(STAFF_SESSION) && options.supervisedRegions) {
        const supervised = await options.supervisedRegions(fromSession.slice(STAFF_SESSION.length));
        if (supervised?.length) return { regions: supervised };
      }
      const regions = token.startsWith('dev-supervisor:')
        ? token
            .slice(15)
            .split(',')
            .map((r) => RegionId.safeParse(r))
        : [];
      if (dev && regions.length && regions.every((r) => r.success))
        return { regions: regions.map((r) => r.data!) };
      throw fieldError('UNAUTHORIZED', 'authorization', {
        zh: '请以监察人员身份登录',
        en: 'please log in as a supervisor',
      });
    },
  };
}

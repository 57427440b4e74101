import { AppError } from '../domain/error.ts';
import { isCitizenId } from '../domain/citizen-id.ts';
import { RegionId } from '../domain/ids.ts';

/**
 * Who is calling. The identity provider is a port: the dev provider accepts `Bearer dev:<ID number>`
 * (refused in production); a unified-identity OIDC provider plugs in the same way.
 */
export interface Citizen {
  idNumber: string;
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
}

export function devIdentityProvider(options: { production: boolean }): IdentityProvider {
  return {
    login: { providers: options.production ? [] : ['dev'], oidcLoginUrl: null },
    async citizenFrom(authorization) {
      const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
      if (!options.production && token.startsWith('dev:') && isCitizenId(token.slice(4))) return { idNumber: token.slice(4) };
      throw new AppError('UNAUTHORIZED', { zh: 'authorization：请先登录', en: 'authorization: please log in' }, { field: 'authorization' });
    },
    // `Bearer dev-supervisor:fujian,anhui` in development.
    async supervisorFrom(authorization) {
      const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
      const regions = token.startsWith('dev-supervisor:') ? token.slice(15).split(',').map((r) => RegionId.safeParse(r)) : [];
      if (!options.production && regions.length && regions.every((r) => r.success)) return { regions: regions.map((r) => r.data!) };
      throw new AppError('UNAUTHORIZED', { zh: 'authorization：请以监察人员身份登录', en: 'authorization: please log in as a supervisor' }, { field: 'authorization' });
    },
  };
}

import { AppError } from '../domain/error.ts';
import { isCitizenId } from '../domain/citizen-id.ts';

/**
 * Who is calling. The identity provider is a port: the dev provider accepts `Bearer dev:<ID number>`
 * (refused in production); a unified-identity OIDC provider plugs in the same way.
 */
export interface Citizen {
  idNumber: string;
}

export interface IdentityProvider {
  citizenFrom(authorization: string | undefined): Promise<Citizen>;
}

export function devIdentityProvider(options: { production: boolean }): IdentityProvider {
  return {
    async citizenFrom(authorization) {
      const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
      if (!options.production && token.startsWith('dev:') && isCitizenId(token.slice(4))) return { idNumber: token.slice(4) };
      throw new AppError('UNAUTHORIZED', { zh: 'authorization：请先登录', en: 'authorization: please log in' }, { field: 'authorization' });
    },
  };
}

import { Navigate, useSearchParams } from 'react-router-dom';
import { session } from '../api.ts';

/**
 * The unified-identity login lands here with the platform's session token in the URL fragment
 * (never sent to a server); the parents' app, the workbench and supervision (`home` /supervision)
 * all use it.
 */
export function AuthCallback({ home = '' }: { home?: string }) {
  const [params] = useSearchParams();
  const token = params.get('token');
  if (token) session.token = token;
  return <Navigate to={token ? home || '/' : `${home}/login`} replace />;
}

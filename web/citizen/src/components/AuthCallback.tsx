import { Navigate, useSearchParams } from 'react-router-dom';
import { session } from '../api.ts';

/**
 * The unified-identity login lands here with the platform's session token in the URL fragment
 * (never sent to a server); the parents' app and the workbench both use it.
 */
export function AuthCallback() {
  const [params] = useSearchParams();
  const token = params.get('token');
  if (token) session.token = token;
  return <Navigate to={token ? '/' : '/login'} replace />;
}

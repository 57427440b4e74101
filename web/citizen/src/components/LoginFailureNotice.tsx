import type { CSSProperties } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isLoginFailureReason, LOGIN_FAILURES } from '../../../../src/domain/login-failure.ts';
import { useT } from '../i18n.tsx';

/**
 * A unified-identity login that failed or was cancelled comes back to the login page with its
 * reason (`#/login?failed=cancelled`): say what happened and what to do, on the parents' and the
 * workbench's login page alike.
 */
export function LoginFailureNotice({ style }: { style?: CSSProperties }) {
  const t = useT();
  const [params] = useSearchParams();
  const reason = params.get('failed');
  if (!isLoginFailureReason(reason)) return null;
  const { what, todo } = LOGIN_FAILURES[reason];
  return (
    <div
      role="alert"
      data-testid="login-failure"
      style={{
        margin: '12px',
        padding: '12px 14px',
        border: '1px solid #f5c2c0',
        borderRadius: 8,
        background: '#fff4f4',
        color: '#8a1c14',
        lineHeight: 1.6,
        ...style,
      }}
    >
      <strong>{t('未能登录', 'You are not logged in')}</strong>
      <div>{t(what)}</div>
      <div>{t(todo)}</div>
    </div>
  );
}

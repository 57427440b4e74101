import { Button, Card, Checkbox } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { session } from '../../../citizen/src/api.ts';
import { LoginFailureNotice } from '../../../citizen/src/components/LoginFailureNotice.tsx';
import { useApi } from '../../../citizen/src/hooks.ts';
import { useT } from '../../../citizen/src/i18n.tsx';
import { DEV_SUPERVISOR_PREFIX } from './context.ts';
import type { LoginConfig, RegionSummary } from '../../../../src/contract/public.ts';

/**
 * A supervisor logs in through the unified identity into their supervisor account, which names
 * their regions (`for=supervision`: the server sends them back to `#/supervision/auth`, or here with
 * the reason a login failed). In development they may instead tick the regions they answer for.
 */
export function SupervisionLogin() {
  const t = useT();
  const navigate = useNavigate();
  const config = useApi<LoginConfig>('/api/auth/config');
  const regions = useApi<RegionSummary[]>('/api/regions');
  const [chosen, setChosen] = useState<string[]>([]);
  const oidc = config.data?.oidcLoginUrl && (
    <Card title={t('统一身份认证', 'Unified identity')} style={{ maxWidth: 720, margin: '40px auto 0' }}>
      <Button
        type="primary"
        data-testid="supervision-oidc"
        onClick={() => void (window.location.href = `${config.data!.oidcLoginUrl}?for=supervision`)}
      >
        {t('使用统一身份认证登录监察端', 'Log in to supervision with unified identity')}
      </Button>
    </Card>
  );
  return (
    <>
      <LoginFailureNotice style={{ maxWidth: 720, margin: '24px auto 0' }} />
      {oidc}
      {config.data?.providers.includes('dev') && (
        <Card
          title={t('监察人员登录（开发环境）', 'Supervisor login (development)')}
          style={{ maxWidth: 720, margin: '40px auto' }}
        >
          <p>{t('选择负责的地区：', 'Choose the regions you supervise:')}</p>
          <Checkbox.Group
            data-testid="supervision-regions"
            value={chosen}
            onChange={(v) => setChosen(v as string[])}
            options={(regions.data ?? []).map((r) => ({ value: r.region, label: t(r.shortName) }))}
          />
          <div style={{ marginTop: 16 }}>
            <Button
              type="primary"
              data-testid="supervision-login"
              disabled={!chosen.length}
              onClick={() => {
                session.token = `${DEV_SUPERVISOR_PREFIX}${chosen.join(',')}`;
                navigate('/supervision');
              }}
            >
              {t('登录', 'Log in')}
            </Button>
          </div>
        </Card>
      )}
    </>
  );
}

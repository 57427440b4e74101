import { Button, Card, List, Select, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { session } from '../../citizen/src/api.ts';
import { LoginFailureNotice } from '../../citizen/src/components/LoginFailureNotice.tsx';
import { useApi } from '../../citizen/src/hooks.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import { DEPARTMENT_LABELS } from '../../citizen/src/status.ts';
import type { LoginConfig, RegionSummary } from '../../../src/contract/public.ts';
import type { DemoStaff } from '../../../src/contract/staff.ts';

type Account = DemoStaff[number];

/** Development login: pick a demo account; a real deployment logs staff in through unified identity. */
export function StaffLogin() {
  const t = useT();
  const navigate = useNavigate();
  const config = useApi<LoginConfig>('/api/auth/config');
  const regions = useApi<RegionSummary[]>('/api/regions');
  const [region, setRegion] = useState<string>('zibo');
  const dev = config.data?.providers.includes('dev');
  const accounts = useApi<Account[]>(dev ? `/api/dev/staff?region=${region}` : null);
  // A unified-identity login that came back refused says why above the login choices.
  const failure = <LoginFailureNotice style={{ maxWidth: 720, margin: '24px auto 0' }} />;
  const oidc = config.data?.oidcLoginUrl && (
    <Card title={t('统一身份认证', 'Unified identity')} style={{ maxWidth: 720, margin: '40px auto 0' }}>
      <Button
        type="primary"
        data-testid="staff-oidc"
        onClick={() => void (window.location.href = `${config.data!.oidcLoginUrl}?for=staff`)}
      >
        {t('使用统一身份认证登录工作台', 'Log in to the workbench with unified identity')}
      </Button>
    </Card>
  );
  if (!dev)
    return (
      <>
        {failure}
        {oidc}
      </>
    );
  return (
    <>
      {failure}
      {oidc}
      <Card
        title={t('工作人员登录（演示账号）', 'Staff login (demo accounts)')}
        style={{ maxWidth: 720, margin: '40px auto' }}
      >
        <Select
          style={{ width: 240, marginBottom: 12 }}
          value={region}
          onChange={setRegion}
          data-testid="staff-region"
          options={(regions.data ?? []).map((r) => ({ value: r.region, label: t(r.shortName) }))}
        />
        <List
          dataSource={(accounts.data ?? []).filter((a) => a.role === 'clerk')}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="login"
                  type="primary"
                  data-testid={`login-${a.id}`}
                  onClick={() => {
                    session.token = `dev-staff:${a.id}`;
                    navigate('/');
                  }}
                >
                  {t('登录', 'Log in')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={t(a.organisation)} description={a.name} />
              <Tag>
                {t(
                  DEPARTMENT_LABELS[a.department as keyof typeof DEPARTMENT_LABELS] ?? {
                    zh: '部门',
                    en: 'Department',
                  },
                )}
              </Tag>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

import { Layout, Menu, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { session } from '../../../citizen/src/api.ts';
import { useApi } from '../../../citizen/src/hooks.ts';
import { useT } from '../../../citizen/src/i18n.tsx';
import type { SupervisionContext } from './context.ts';
import { SUPERVISION_PAGES } from './pages.tsx';
import { HeaderLinks } from '../HeaderLinks.tsx';
import type { RegionSummary } from '../../../../src/contract/public.ts';
import type { SupervisorMe } from '../../../../src/contract/supervision.ts';

/**
 * The supervision app: a supervisor reads the figures of their own regions. The regions come from
 * the server (`/api/supervision/me`), which scopes every endpoint to them.
 */
export function SupervisionShell() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useApi<SupervisorMe>(session.token ? '/api/supervision/me' : null);
  const names = useApi<RegionSummary[]>('/api/regions');
  const [chosen, setChosen] = useState<string | null>(null);
  if (!session.token || me.error?.status === 401) return <Navigate to="/supervision/login" replace />;
  const regions = me.data?.regions ?? [];
  const region = regions.find((r) => r === chosen) ?? regions[0];
  const label = (r: string) => t(names.data?.find((n) => n.region === r)?.shortName ?? { zh: '', en: '' });
  const context: SupervisionContext | null = region ? { regions, region } : null;
  const current = pathname.replace(/^\/supervision\/?/, '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 16 }}>
          {t('新生儿出生“一件事” · 办件监察', 'Newborn one-thing service · Supervision')}
        </Typography.Text>
        <Space>
          {regions.length > 1 && (
            <Select
              data-testid="supervision-region"
              aria-label={t('地区', 'Region')}
              style={{ width: 160 }}
              value={region}
              onChange={setChosen}
              options={regions.map((r) => ({ value: r, label: label(r) }))}
            />
          )}
          {regions.length === 1 && <span style={{ color: '#fff' }}>{label(regions[0]!)}</span>}
          <HeaderLinks loginPath="/supervision/login" />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Menu
          mode="horizontal"
          data-testid="supervision-nav"
          selectedKeys={[current]}
          onClick={(e) => navigate(`/supervision/${e.key}`)}
          items={SUPERVISION_PAGES.filter((p) => !p.hidden).map((p) => ({
            key: p.path,
            label: t(p.label),
          }))}
          style={{ marginBottom: 16 }}
        />
        {context && <Outlet context={context} />}
      </Layout.Content>
    </Layout>
  );
}

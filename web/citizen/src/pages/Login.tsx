import { Button, Card, List, Tabs, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { session } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { LoginFailureNotice } from '../components/LoginFailureNotice.tsx';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import type { DemoParents, LoginConfig, RegionSummary } from '../../../../src/contract/public.ts';

type DemoParent = DemoParents[number];
type AuthConfig = LoginConfig;

/**
 * Log in. A unified-identity (OIDC) login when the server has one configured; in development, pick
 * one of the synthetic demo parents of a region from the simulated registries.
 */
export function Login() {
  const t = useT();
  const navigate = useNavigate();
  const config = useApi<AuthConfig>('/api/auth/config');
  const regions = useApi<RegionSummary[]>('/api/regions');
  const parents = useApi<DemoParent[]>(config.data?.providers.includes('dev') ? '/api/dev/parents' : null);
  const login = (idNumber: string) => {
    session.token = `dev:${idNumber}`;
    navigate('/', { replace: true });
  };
  if (!config.data || !regions.data)
    return (
      <>
        <LoginFailureNotice />
        <ApiErrorNotice error={config.error ?? regions.error} />
        <Loading />
      </>
    );
  return (
    <>
      <LoginFailureNotice />
      {config.data.oidcLoginUrl && (
        <Card title={t('统一身份认证', 'Unified identity')}>
          <Button
            block
            color="primary"
            onClick={() => void (window.location.href = config.data!.oidcLoginUrl!)}
          >
            {t('使用统一身份认证登录', 'Log in with unified identity')}
          </Button>
        </Card>
      )}
      {parents.data && (
        <Card title={t('选择演示家长登录（开发环境）', 'Log in as a demo parent (development)')}>
          <p className="muted">
            {t(
              '以下是模拟共享数据中的家庭，仅用于试用。',
              'These families live in the simulated shared data, for trying the service.',
            )}
          </p>
          <Tabs>
            {regions.data.map((r) => (
              <Tabs.Tab title={<span data-testid={`tab-${r.region}`}>{t(r.shortName)}</span>} key={r.region}>
                <p className="muted">{t(r.name)}</p>
                <List>
                  {parents
                    .data!.filter((p) => p.region === r.region)
                    .map((p) => (
                      <List.Item
                        key={p.mother.idNumber}
                        description={
                          <>
                            {p.hasDeliveryRecord
                              ? t('有医院分娩信息', 'Hospital delivery record on file')
                              : t('无分娩信息', 'No delivery record')}
                            {p.babies > 1 && (
                              <Tag color="primary" fill="outline" style={{ marginLeft: 6 }}>
                                {t(`${p.babies} 胞胎`, `${p.babies} babies`)}
                              </Tag>
                            )}
                          </>
                        }
                      >
                        <div className="row">
                          <Button
                            size="small"
                            color="primary"
                            fill="outline"
                            onClick={() => login(p.mother.idNumber)}
                            data-testid={`login-${p.mother.idNumber}`}
                          >
                            {t('母亲', 'Mother')} {p.mother.name}
                          </Button>
                          {p.father && (
                            <Button
                              size="small"
                              fill="outline"
                              onClick={() => login(p.father!.idNumber)}
                              data-testid={`login-${p.father.idNumber}`}
                            >
                              {t('父亲', 'Father')} {p.father.name}
                            </Button>
                          )}
                        </div>
                      </List.Item>
                    ))}
                </List>
              </Tabs.Tab>
            ))}
          </Tabs>
        </Card>
      )}
    </>
  );
}

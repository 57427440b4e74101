import { Card, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi } from '../hooks.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { useT } from '../i18n.tsx';
import type { CaseSummary } from '../../../../src/contract/case.ts';

/** 我的办件: every application, newest first, with its status colour. */
export function Cases() {
  const t = useT();
  const navigate = useNavigate();
  const cases = useApi<CaseSummary[]>('/api/citizen/cases');
  if (cases.error) return <ApiErrorNotice error={cases.error} />;
  if (!cases.data) return <Loading />;
  return (
    <Card title={t('我的办件', 'My cases')}>
      {cases.data.length === 0 && <p className="muted">{t('还没有办件', 'No cases yet')}</p>}
      <List>
        {cases.data.map((c) => {
          const done = c.items.filter((i) => i.status === 'done').length;
          return (
            <List.Item
              key={c.caseId}
              arrow
              onClick={() => navigate(`/cases/${c.caseId}`)}
              description={`${c.caseId} · ${formatTime(c.submittedAt)}`}
              extra={<StatusTag kind="case" status={c.status} />}
            >
              {c.babyName} · {t(`已办结 ${done}/${c.items.length}`, `${done}/${c.items.length} done`)}{' '}
              {c.overdue && <Tag color="danger">{t('超时', 'Overdue')}</Tag>}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}

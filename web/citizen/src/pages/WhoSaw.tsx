import { Card, List, Tag } from 'antd-mobile';
import { useParams } from 'react-router-dom';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi, usePolicy } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import type { CaseState } from '../types.ts';
import type { Access } from '../../../../src/contract/citizen.ts';

/**
 * 谁查看了我的信息: each time a clerk opened the case (by organisation, never the clerk's name) or a
 * department's system took its task, with the item and which kinds of information. Newest first.
 */
export function WhoSaw() {
  const t = useT();
  const { caseId } = useParams() as { caseId: string };
  const log = useApi<Access[]>(`/api/citizen/cases/${caseId}/access-log`);
  const c = useApi<CaseState>(`/api/citizen/cases/${caseId}`);
  const policy = usePolicy(c.data?.region);
  if (log.error) return <ApiErrorNotice error={log.error} />;
  if (!log.data || !policy) return <Loading />;
  return (
    <Card title={t('谁查看了我的信息', 'Who saw my data')}>
      <p className="muted">
        {t(
          '每次有工作人员打开您的办件、或部门业务系统接收办理任务，都会记录在这里：哪个单位、什么时间、为办理哪个事项、看到了哪些信息。',
          'Every time a member of staff opens your case, or a department’s own system takes its task, it is recorded here: which organisation, when, for which item, and what they saw.',
        )}
      </p>
      {log.data.length === 0 ? (
        <p data-testid="who-saw-none">{t('还没有人查看。', 'Nobody has opened it yet.')}</p>
      ) : (
        <List>
          {[...log.data].reverse().map((a, i) => (
            <List.Item
              key={i}
              data-testid="who-saw-row"
              description={`${formatTime(a.at)}${a.times > 1 ? t(`（${a.times} 次）`, ` (${a.times} times)`) : ''} · ${t(policy.items.find((x) => x.id === a.item)?.name ?? { zh: '办件', en: 'The case' })}`}
            >
              <strong>{t(a.organisation)}</strong>
              <div>
                {[...new Set(a.fields.map((f) => t(f)))].map((l) => (
                  <Tag key={l} fill="outline" style={{ margin: 2 }}>
                    {l}
                  </Tag>
                ))}
              </div>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

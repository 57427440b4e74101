import { Card, List } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import type { Notification } from '../../../../src/contract/citizen.ts';

/** The in-app inbox: every notice also sent by SMS, with the same words. A notice about a case opens it. */
export function Inbox() {
  const t = useT();
  const navigate = useNavigate();
  const inbox = useApi<Notification[]>('/api/citizen/notifications');
  if (inbox.error) return <ApiErrorNotice error={inbox.error} />;
  if (!inbox.data) return <Loading />;
  return (
    <Card title={t('消息', 'Inbox')}>
      {inbox.data.length === 0 && <p className="muted">{t('暂无消息', 'No messages')}</p>}
      <List>
        {inbox.data.map((n) => (
          <List.Item
            key={n.id}
            description={`${n.caseId ? `${t('办件', 'Case')} ${n.caseId} · ` : ''}${formatTime(n.createdAt)}`}
            data-testid="notification"
            onClick={() => navigate(n.caseId ? `/cases/${n.caseId}` : (n.body.link ?? '/'))}
            arrow
          >
            <strong>{t(n.body.title)}</strong>
            <div>{t(n.body.text)}</div>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

import { Card, List } from 'antd-mobile';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi } from '../hooks.ts';
import { useLang, useT, type Bilingual } from '../i18n.tsx';

interface Notification {
  id: number;
  caseId: string;
  template: string;
  body: { title: Bilingual; text: Bilingual };
  createdAt: string;
}

/** The in-app inbox: every notice also sent by SMS. */
export function Inbox() {
  const t = useT();
  const { lang } = useLang();
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
            description={`${n.caseId} · ${formatTime(n.createdAt, lang)}`}
            data-testid="notification"
          >
            <strong>{t(n.body.title)}</strong>
            <div>{t(n.body.text)}</div>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

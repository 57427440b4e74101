import { Button, Card, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../citizen/src/api.ts';
import { useApi, formatTime } from '../../citizen/src/hooks.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import type { Inbox as InboxData } from '../../../src/contract/staff.ts';

/** 消息: escalations of late work and poor ratings to follow up; the head records each outcome. */
export function Inbox() {
  const t = useT();
  const inbox = useApi<InboxData>('/api/staff/inbox');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  if (!inbox.data) return null;
  // Newest first, by when it was sent (the message number breaks ties within one sweep).
  const messages = [...inbox.data.messages].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id),
  );
  const unread = messages.filter((m) => !m.readAt).length;
  const read = (id: string) => api.post(`/api/staff/inbox/${id}/read`).then(inbox.reload);
  const save = async (caseId: string, item: string) => {
    try {
      await api.post(`/api/staff/inbox/follow-ups/${caseId}/${item}`, {
        outcome: drafts[`${caseId}:${item}`] ?? '',
      });
      setError(null);
      await inbox.reload();
    } catch (e) {
      setError(e instanceof ApiError ? t(e.text) : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={unread ? t(`消息（${unread} 条未读）`, `Messages (${unread} unread)`) : t('消息', 'Messages')}
        data-testid="staff-inbox"
      >
        <List
          dataSource={messages}
          locale={{ emptyText: t('暂无消息', 'No messages') }}
          renderItem={(m) => (
            <List.Item
              data-testid="staff-message"
              onClick={() => !m.readAt && void read(m.id)}
              actions={
                m.kind === 'escalation'
                  ? [
                      <Button
                        key="open"
                        size="small"
                        type={m.readAt ? 'default' : 'primary'}
                        data-testid="open-task"
                        onClick={(e) => {
                          e.stopPropagation();
                          if (!m.readAt) void read(m.id);
                          navigate(`/task/${m.caseId}/${m.item}`);
                        }}
                      >
                        {t('去办理', 'Open the task')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!m.readAt && <Tag color="#b00020">{t('未读', 'Unread')}</Tag>}
                    {t(m.body.title)}
                  </Space>
                }
                description={
                  <>
                    <div>{t(m.body.text)}</div>
                    <Typography.Text type="secondary">
                      {formatTime(m.createdAt)} ·{' '}
                      {m.sms === 'queued'
                        ? t('已发短信', 'Text sent')
                        : t('未登记手机号，未发短信', 'No phone on record: no text sent')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {inbox.data.followUps.length > 0 && (
        <Card title={t('差评跟进', 'Poor ratings to follow up')} data-testid="follow-ups">
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Table
            size="small"
            rowKey={(r) => `${r.caseId}:${r.item}`}
            dataSource={inbox.data.followUps}
            pagination={false}
            columns={[
              { title: t('办件编号', 'Case number'), dataIndex: 'caseId' },
              { title: t('事项', 'Item'), render: (_, r) => t(r.itemName) },
              { title: t('评价', 'Rating'), render: (_, r) => t(r.scoreLabel) },
              { title: t('群众说明', "The family's reason"), dataIndex: 'comment' },
              {
                title: t('应跟进时间', 'Due'),
                render: (_, r) => (
                  <Typography.Text type={r.overdue ? 'danger' : undefined}>
                    {formatTime(r.due)}
                  </Typography.Text>
                ),
              },
              {
                title: t('跟进结果', 'Outcome'),
                render: (_, r) =>
                  r.outcome ? (
                    `${r.outcome}（${r.outcomeByName ?? ''}）`
                  ) : inbox.data!.role === 'head' ? (
                    <Space.Compact>
                      <Input
                        data-testid={`outcome-${r.caseId}-${r.item}`}
                        value={drafts[`${r.caseId}:${r.item}`] ?? ''}
                        onChange={(e) => setDrafts({ ...drafts, [`${r.caseId}:${r.item}`]: e.target.value })}
                      />
                      <Button type="primary" onClick={() => void save(r.caseId, r.item)}>
                        {t('记录', 'Record')}
                      </Button>
                    </Space.Compact>
                  ) : (
                    t('待负责人跟进', "Awaiting the head's follow-up")
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

import { Button, Card, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../citizen/src/api.ts';
import { ProvisionalMark } from '../../citizen/src/components/Provisional.tsx';
import { formatTime, useApi, usePolicy } from '../../citizen/src/hooks.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import { HOLDER_LABELS, ITEM_STATUS } from '../../citizen/src/status.ts';
import type { QueuePage, StaffMe } from '../../../src/contract/staff.ts';
type Row = QueuePage['rows'][number];

export type Me = StaffMe;

const VIEWS: { key: string; zh: string; en: string }[] = [
  { key: 'open', zh: '待办', en: 'Open' },
  { key: 'due-soon', zh: '即将到期', en: 'Due soon' },
  { key: 'overdue', zh: '已超期', en: 'Overdue' },
  { key: 'waiting-for-family', zh: '等待群众', en: 'Waiting for the family' },
  { key: 'done', zh: '已办结', en: 'Done' },
];

/** The organisation's queues: open, due soon, overdue, waiting for the family, done; a page at a time. */
export function Queue() {
  const t = useT();
  const navigate = useNavigate();
  const me = useApi<Me>('/api/staff/me');
  const policy = usePolicy(me.data?.organisation.region);
  const [view, setView] = useState('open');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = async (cursor: string | null) => {
    const q = new URLSearchParams({ ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) });
    try {
      const page = await api.get<QueuePage>(`/api/staff/queues/${view}?${q}`);
      setRows((r) => (cursor ? [...r, ...page.rows] : page.rows));
      setNext(page.next);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  useEffect(() => {
    void load(null);
  }, [view, search]);
  if (me.error?.status === 401) navigate('/login');
  const itemName = (id: string) =>
    t(policy?.items.find((i) => i.id === id)?.name ?? { zh: '事项', en: 'Item' });
  return (
    <Card
      title={
        me.data && (
          <span data-testid="organisation">
            {t(me.data.organisation.name)} · {me.data.staff.name}
          </span>
        )
      }
    >
      <Tabs
        activeKey={view}
        onChange={setView}
        items={VIEWS.map((v) => ({ key: v.key, label: t(v.zh, v.en) }))}
      />
      <Input.Search
        allowClear
        style={{ maxWidth: 360, marginBottom: 12 }}
        placeholder={t(
          '办件号或身份证号（可掩码，如 3505**********1244）',
          'Case number or ID number (masked is fine)',
        )}
        onSearch={setSearch}
        data-testid="queue-search"
      />
      {error && <Typography.Text type="danger">{t(error.text)}</Typography.Text>}
      <Table<Row>
        rowKey={(r) => `${r.caseId}:${r.item}`}
        dataSource={rows}
        pagination={false}
        data-testid="queue"
        onRow={(r) => ({
          onClick: () => navigate(`/task/${r.caseId}/${r.item}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('办件号', 'Case'), dataIndex: 'caseId' },
          { title: t('新生儿', 'Baby'), dataIndex: 'babyName' },
          { title: t('母亲身份证号', "Mother's ID"), dataIndex: 'mother' },
          { title: t('事项', 'Item'), render: (_, r) => itemName(r.item) },
          {
            title: t('状态', 'Status'),
            render: (_, r) => (
              <>
                <Tag color={ITEM_STATUS[r.status]?.color}>{t(ITEM_STATUS[r.status]!.text)}</Tag>
                {r.holder && r.holder !== 'department' && t(HOLDER_LABELS[r.holder]!)}
              </>
            ),
          },
          {
            title: t('办理时限', 'Due'),
            render: (_, r) => (
              <>
                {r.deadline ? formatTime(r.deadline) : t('未设定', 'not set')}
                <ProvisionalMark on={r.deadlineProvisional} />
                {r.overdue && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {t('超期', 'Overdue')}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(next)}>
          {t('加载更多', 'More')}
        </Button>
      )}
    </Card>
  );
}

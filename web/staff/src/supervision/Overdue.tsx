import { Table, Typography } from 'antd';
import { useApi, usePolicy, formatTime } from '../../../citizen/src/hooks.ts';
import { useT } from '../../../citizen/src/i18n.tsx';
import { DEPARTMENT_LABELS } from '../../../citizen/src/status.ts';
import { useSupervision } from './context.ts';

interface Row {
  caseId: string;
  item: string;
  department: keyof typeof DEPARTMENT_LABELS;
  deadline: string | null;
}

/** Items past their deadline in the region shown, oldest first. */
export function Overdue() {
  const t = useT();
  const { region } = useSupervision();
  const policy = usePolicy(region);
  const rows = useApi<Row[]>(`/api/supervision/regions/${region}/overdue`);
  const itemName = (id: string) =>
    t(policy?.items.find((i) => i.id === id)?.name ?? { zh: '事项', en: 'Item' });
  return (
    <>
      <Typography.Title level={4}>{t('已超期事项', 'Overdue items')}</Typography.Title>
      <Table<Row>
        data-testid="supervision-overdue"
        rowKey={(r) => `${r.caseId}:${r.item}`}
        dataSource={rows.data ?? []}
        loading={!rows.data && !rows.error}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('办件编号', 'Case number'), dataIndex: 'caseId' },
          { title: t('事项', 'Item'), render: (_, r) => itemName(r.item) },
          { title: t('部门', 'Department'), render: (_, r) => t(DEPARTMENT_LABELS[r.department]) },
          {
            title: t('截止时间', 'Deadline'),
            render: (_, r) => (r.deadline ? formatTime(r.deadline) : ''),
          },
        ]}
      />
    </>
  );
}

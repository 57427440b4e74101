import { Alert, Button, Card, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Deliveries as DeliveriesData, Delivery } from '../../../../src/contract/deliveries.ts';
import { api, ApiError } from '../../../citizen/src/api.ts';
import { formatTime, useApi } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { useSupervision } from './context.ts';

const MODE: Record<string, Bilingual> = {
  push: { zh: '推送', en: 'Push' },
  gateway: { zh: '接口拉取', en: 'Pulled by its system' },
  simulator: { zh: '模拟', en: 'Simulated' },
  workbench: { zh: '工作台', en: 'Workbench' },
};

/**
 * 推送投递: tasks the platform could not deliver to a department's system — those being retried
 * (attempts, next attempt, what went wrong) and the dead letters — with a re-send for each once the
 * department has fixed its side. The raw error is in the tooltip, for the operators.
 */
export function Deliveries() {
  const t = useT();
  const { region } = useSupervision();
  const path = `/api/supervision/regions/${region}/deliveries`;
  const list = useApi<DeliveriesData>(path);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Bilingual | null>(null);

  const resend = async (d: Delivery) => {
    setBusy(d.taskId);
    setProblem(null);
    try {
      await api.post(`${path}/${encodeURIComponent(d.taskId)}/resend`);
      await list.reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.text : { zh: '重发失败', en: 'The re-send failed' });
    } finally {
      setBusy(null);
    }
  };

  const columns = (dead: boolean) => [
    { title: t('办件编号', 'Case'), dataIndex: 'caseId', key: 'caseId' },
    { title: t('事项', 'Item'), key: 'item', render: (_: unknown, d: Delivery) => t(d.itemName) },
    {
      title: t('部门', 'Department'),
      key: 'department',
      render: (_: unknown, d: Delivery) => `${t(d.departmentName)}（${t(MODE[d.mode] ?? MODE.push!)}）`,
    },
    { title: t('已尝试', 'Attempts'), dataIndex: 'attempts', key: 'attempts' },
    dead
      ? {
          title: t('停止重试于', 'Gave up at'),
          key: 'deadAt',
          render: (_: unknown, d: Delivery) => (d.deadAt ? formatTime(d.deadAt) : ''),
        }
      : {
          title: t('下次尝试', 'Next attempt'),
          key: 'next',
          render: (_: unknown, d: Delivery) => (d.nextAttemptAt ? formatTime(d.nextAttemptAt) : ''),
        },
    {
      title: t('原因', 'What went wrong'),
      key: 'error',
      render: (_: unknown, d: Delivery) =>
        d.lastErrorSummary && (
          <Tooltip title={d.lastError}>
            <span data-testid="delivery-error">{t(d.lastErrorSummary)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('操作', 'Action'),
      key: 'action',
      render: (_: unknown, d: Delivery) => (
        <Button
          size="small"
          loading={busy === d.taskId}
          onClick={() => void resend(d)}
          data-testid="delivery-resend"
        >
          {t('立即重发', 'Send again now')}
        </Button>
      ),
    },
  ];

  if (list.error) return <Alert type="error" showIcon message={t(list.error.text)} />;
  return (
    <>
      <Typography.Title level={4}>{t('推送投递', 'Push deliveries')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '以推送方式对接的部门系统未能接收的任务：平台自动重试（首次在 0.25 秒后，之后从 5 秒起倍增），多次失败后停止重试，待部门排除故障后可在此立即重发。同一任务重发后部门只接收一次。',
          "Tasks a department's system did not take when the platform pushed them: retried automatically (first after a quarter second, then at doubling intervals from 5 seconds), and set aside after repeated failures; once the department has fixed its side, send them again here. A task sent again is taken once only.",
        )}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon message={t(problem)} style={{ marginBottom: 16 }} />}
      <Card title={t('正在重试', 'Being retried')} style={{ marginBottom: 16 }}>
        <Table<Delivery>
          data-testid="deliveries-retrying"
          rowKey="taskId"
          size="small"
          loading={!list.data}
          dataSource={list.data?.retrying ?? []}
          columns={columns(false)}
          pagination={false}
          locale={{ emptyText: t('没有正在重试的任务', 'Nothing is being retried') }}
        />
      </Card>
      <Card title={t('已停止重试（死信）', 'Set aside (dead letters)')}>
        <Table<Delivery>
          data-testid="deliveries-dead"
          rowKey="taskId"
          size="small"
          loading={!list.data}
          dataSource={list.data?.dead ?? []}
          columns={columns(true)}
          pagination={false}
          locale={{ emptyText: t('没有停止重试的任务', 'No task has been set aside') }}
        />
      </Card>
    </>
  );
}

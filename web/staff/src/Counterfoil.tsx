import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { endOfBeijingDay } from '../../../src/domain/local-date.ts';
import { api, ApiError } from '../../citizen/src/api.ts';
import { ProvisionalMark } from '../../citizen/src/components/Provisional.tsx';
import { formatTime, useApi } from '../../citizen/src/hooks.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import { COUNTERFOIL_BATCH_LABELS, FIELD_VALUE_LABELS } from '../../citizen/src/status.ts';
import type { BatchSummary, CounterfoilLine, CounterfoilOverview } from '../../../src/contract/staff.ts';

type Group = CounterfoilOverview['pending'][number];

export const STATUS_COLOURS: Record<string, string> = {
  assembled: '#595959',
  sent: '#0b57d0',
  acknowledged: '#00703c',
  'acknowledged-with-discrepancies': '#b00020',
  'discrepancies-resolved': '#00703c',
};

/** The counterfoil's own columns, shared by the waiting groups and a batch's lines. */
export function useLineColumns(withInstitution: boolean) {
  const t = useT();
  return [
    { title: t('出生医学证明编号', 'Certificate number'), dataIndex: 'certificateNumber' },
    { title: t('新生儿', 'Baby'), dataIndex: 'babyName' },
    { title: t('性别', 'Sex'), render: (_: unknown, l: CounterfoilLine) => t(FIELD_VALUE_LABELS[l.sex]!) },
    { title: t('出生日期', 'Born'), dataIndex: 'birthDate' },
    { title: t('母亲', 'Mother'), dataIndex: 'motherName' },
    {
      title: t('落户地', 'Registering county'),
      render: (_: unknown, l: CounterfoilLine) => (l.registeringCounty ? t(l.registeringCounty) : ''),
    },
    ...(withInstitution ? [{ title: t('助产机构', 'Hospital'), dataIndex: 'institution' }] : []),
  ];
}

function BatchTable({ rows, testId }: { rows: BatchSummary[]; testId: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Table<BatchSummary>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      data-testid={testId}
      onRow={(b) => ({ onClick: () => navigate(`/counterfoil/${b.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('批次', 'Batch'), render: (_, b) => t(`第 ${b.id} 批`, `No. ${b.id}`) },
        { title: t('移交单位', 'From'), render: (_, b) => t(b.sender) },
        { title: t('接收单位', 'To'), render: (_, b) => t(b.receiver) },
        { title: t('期间', 'Period'), render: (_, b) => `${b.period.from} – ${b.period.to}` },
        { title: t('份数', 'Counterfoils'), dataIndex: 'lines' },
        { title: t('移交期限', 'Due'), render: (_, b) => b.due ?? t('文件未规定', 'not set') },
        {
          title: t('状态', 'Status'),
          render: (_, b) => (
            <>
              <Tag color={STATUS_COLOURS[b.status]}>{t(COUNTERFOIL_BATCH_LABELS[b.status]!)}</Tag>
              {b.openDiscrepancies > 0 && (
                <Tag color="red">
                  {t(`${b.openDiscrepancies} 处差异待跟进`, `${b.openDiscrepancies} to follow up`)}
                </Tag>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * 副页移交: the hospital (or a county health bureau, on Fujian's second hop) sees what is due to
 * whom and by when, assembles it into a batch and opens the batch to print and send it; a receiver
 * sees the batches addressed to it and opens one to check it line by line.
 */
export function Counterfoil() {
  const t = useT();
  const navigate = useNavigate();
  const view = useApi<CounterfoilOverview>('/api/staff/counterfoil');
  const [error, setError] = useState<ApiError | null>(null);
  const lineColumns = useLineColumns(false);
  if (view.error?.status === 401) navigate('/login');
  const v = view.data;
  if (!v) return view.error ? <Alert type="error" message={t(view.error.text)} /> : null;
  if (!v.terms)
    return (
      <Card title={t('副页移交', 'Counterfoil transfer')}>
        <Empty
          description={t('本地区文件未规定副页移交', "This region's documents set no counterfoil transfer")}
        />
      </Card>
    );
  const s = v.terms.schedule;
  const assemble = async (g: Group) => {
    try {
      setError(null);
      const batch = await api.post<BatchSummary>('/api/staff/counterfoil/batches', {
        hop: g.hop,
        county: g.county,
        month: g.month,
      });
      navigate(`/counterfoil/${batch.id}`);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('副页移交', 'Counterfoil transfer')} data-testid="counterfoil-terms">
        <Typography.Paragraph>
          {t('移交路线', 'Route')}：{v.terms.route.map((r) => t(r)).join(' → ')}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('移交时间', 'When')}：
          {s.kind === 'monthly'
            ? t(
                `每月${s.byDay}日前移交上月副页${s.holidayDelayDays ? `，重大节假日前后可推迟至多${s.holidayDelayDays}天` : ''}`,
                `last month's counterfoils before day ${s.byDay}${s.holidayDelayDays ? `, up to ${s.holidayDelayDays} days later around major holidays` : ''}`,
              )
            : t(s.note)}
        </Typography.Paragraph>
        {v.terms.record && (
          <Typography.Paragraph>
            {t('交接记录', 'Record')}：{t(v.terms.record)}
            {v.terms.signedByBoth && t('（双方签字）', ', signed by both sides')}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary">
          {t('依据', 'Basis')}：{v.terms.citation}
        </Typography.Text>
      </Card>
      {error && <Alert type="error" message={t(error.text)} data-testid="counterfoil-error" />}
      {v.pending.map((g) => (
        <Card
          key={`${g.hop}:${g.county}:${g.month}`}
          data-testid="due-batch"
          title={
            <>
              {t('待移交', 'To send')}
              {g.countyName && ` · ${t(g.countyName)}`}
              {g.month && ` · ${t(`${g.month.replace('-', '年')}月`, g.month)}`}
              {g.receiver && ` → ${t(g.receiver)}`}
            </>
          }
          extra={
            <Button
              type="primary"
              disabled={!g.ready || !g.receiver}
              onClick={() => void assemble(g)}
              data-testid="assemble"
            >
              {t('组批', 'Assemble')}
            </Button>
          }
        >
          <p data-testid="due-date">
            {g.due ? (
              <>
                {t('移交期限', 'Due')} {formatTime(endOfBeijingDay(g.due.date))}
                <ProvisionalMark on={g.due.provisional} />
                {g.due.delayedBy > 0 &&
                  t(
                    `（${g.due.holiday ?? '节假日'}顺延 ${g.due.delayedBy} 天）`,
                    ` (${g.due.delayedBy} days later for the holiday)`,
                  )}
                {g.overdue && (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    {t('已超期', 'Overdue')}
                  </Tag>
                )}
              </>
            ) : (
              t('文件未规定移交周期，定期移交', 'the documents set no interval: send periodically')
            )}
            {!g.ready && (
              <Tag style={{ marginLeft: 6 }}>
                {t('本月尚未结束，次月移交', 'month still running: send next month')}
              </Tag>
            )}
            {!g.receiver && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                {t('平台上没有该县的接收单位，请线下移交', 'no receiver for this county on the platform')}
              </Tag>
            )}
          </p>
          <Table<CounterfoilLine>
            rowKey="caseId"
            size="small"
            dataSource={g.lines}
            pagination={false}
            columns={lineColumns}
          />
        </Card>
      ))}
      {v.sends && v.pending.length === 0 && v.outgoing.length === 0 && (
        <Card>
          <Empty description={t('暂无待移交的副页', 'No counterfoils waiting to be sent')} />
        </Card>
      )}
      {v.outgoing.length > 0 && (
        <Card title={t('已组批 / 已送出的批次', 'Batches assembled and sent')}>
          <BatchTable rows={v.outgoing} testId="outgoing" />
        </Card>
      )}
      {(v.receives || v.incoming.length > 0) && (
        <Card title={t('收到的批次', 'Batches received')}>
          <BatchTable rows={v.incoming} testId="incoming" />
        </Card>
      )}
    </Space>
  );
}

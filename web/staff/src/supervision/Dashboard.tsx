import { Alert, Button, Card, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, formatTime } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { Chart } from './Chart.tsx';
import { useSupervision } from './context.ts';
import { download } from './download.ts';

type Cell = string | number | Bilingual | null;
interface Table {
  id: string;
  title: Bilingual;
  columns: { key: string; label: Bilingual; kind?: 'time' | 'percent' }[];
  rows: Record<string, Cell>[];
}
interface Dashboard {
  measuredAgainst: Bilingual[];
  tables: Table[];
}

/** The region's dashboard: which deadlines apply, three charts, then every table with its CSV. */
export function Dashboard() {
  const t = useT();
  const { region } = useSupervision();
  const [month, setMonth] = useState<string | null>(null);
  const d = useApi<Dashboard>(`/api/supervision/regions/${region}/dashboard`);
  const table = (id: string) => d.data?.tables.find((x) => x.id === id);
  const text = (c: Cell | undefined) => (c && typeof c === 'object' ? t(c) : String(c ?? ''));
  const num = (c: Cell | undefined) => (typeof c === 'number' ? c : null);
  const charts = useMemo(() => {
    if (!d.data) return null;
    const weeks = table('compliance-by-week')!.rows;
    const items = table('compliance-by-item')!.rows;
    const scores = table('ratings-by-score')!.rows;
    return {
      weeks: {
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: weeks.map((r) => text(r.week)) },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            name: t('按时率', 'On-time rate'),
            type: 'line',
            data: weeks.map((r) =>
              num(r.compliance) === null ? null : Math.round(num(r.compliance)! * 1000) / 10,
            ),
          },
        ],
      },
      durations: {
        tooltip: { trigger: 'axis' },
        legend: {},
        grid: { bottom: 80 },
        xAxis: {
          type: 'category',
          data: items.map((r) => text(r.item)),
          axisLabel: { rotate: 30, width: 90, overflow: 'truncate' },
        },
        yAxis: { type: 'value', name: t('工作小时', 'Working hours') },
        series: [
          { name: t('中位数', 'Median'), type: 'bar', data: items.map((r) => num(r.medianHours)) },
          { name: t('90%', '90th percentile'), type: 'bar', data: items.map((r) => num(r.p90Hours)) },
        ],
      },
      ratings: {
        tooltip: { trigger: 'axis' },
        legend: {},
        xAxis: { type: 'category', data: scores.map((r) => text(r.first)) },
        yAxis: { type: 'value' },
        series: [
          { name: t('评价数', 'Ratings'), type: 'bar', data: scores.map((r) => num(r.ratings)) },
          {
            name: t('其中超时办结', 'Of these decided late'),
            type: 'bar',
            data: scores.map((r) => num(r.late)),
          },
          {
            name: t('经补件', 'With a supplement'),
            type: 'bar',
            data: scores.map((r) => num(r.withSupplement)),
          },
        ],
      },
    };
  }, [d.data, t('zh', 'en')]);
  if (d.error) return <Alert type="error" message={t(d.error.text)} />;
  if (!d.data || !charts) return null;
  const cellView = (c: Cell | undefined, kind?: string) =>
    kind === 'time' && typeof c === 'string'
      ? formatTime(c)
      : kind === 'percent' && typeof c === 'number'
        ? `${(c * 100).toFixed(1)}%`
        : text(c);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('计量依据', 'Measured against')} data-testid="measured-against">
        {d.data.measuredAgainst.map((l, i) => (
          <div key={i}>{t(l)}</div>
        ))}
      </Card>
      <Space>
        <DatePicker picker="month" onChange={(v) => setMonth(v ? v.format('YYYY-MM') : null)} />
        <Button
          data-testid="monthly-report"
          disabled={!month}
          onClick={() =>
            void download(
              `/api/supervision/regions/${region}/reports/${month}.pdf`,
              `${region}-${month}.pdf`,
              true,
            )
          }
        >
          {t('月度报告（PDF）', 'Monthly report (PDF)')}
        </Button>
      </Space>
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small" title={t('按周按时办结率', 'On-time rate by week')}>
            <Chart option={charts.weeks} testId="chart-weeks" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('各事项用时（工作时间）', 'Durations by item (working time)')}>
            <Chart option={charts.durations} testId="chart-durations" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('好差评与超时', 'Ratings and lateness')}>
            <Chart option={charts.ratings} testId="chart-ratings" />
          </Card>
        </Col>
      </Row>
      {d.data.tables.map((tb) => (
        <Card
          key={tb.id}
          size="small"
          title={t(tb.title)}
          data-testid={`table-${tb.id}`}
          extra={
            <Button
              size="small"
              data-testid={`csv-${tb.id}`}
              onClick={() =>
                void download(
                  `/api/supervision/regions/${region}/tables/${tb.id}.csv`,
                  `${region}-${tb.id}.csv`,
                )
              }
            >
              {t('导出 CSV', 'Export CSV')}
            </Button>
          }
        >
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={tb.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={tb.columns.map((c) => ({
              title: t(c.label),
              key: c.key,
              render: (_: unknown, r: Record<string, Cell>) => cellView(r[c.key], c.kind),
            }))}
          />
        </Card>
      ))}
      <Typography.Text type="secondary">
        {t(
          '用时按工作日历计算，不含周末和法定节假日。',
          'Durations count working time only: no weekends or public holidays.',
        )}
      </Typography.Text>
    </Space>
  );
}

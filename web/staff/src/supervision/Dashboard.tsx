import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useApi } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from './Chart.tsx';
import { durationsChart, ratingsChart, weeksChart } from './charts.ts';
import { useSupervision } from './context.ts';
import { DataTable } from './DataTable.tsx';
import { download } from './download.ts';
import type { DashboardData, DashboardTable } from './types.ts';
import type { RegionSummary } from '../../../../src/contract/public.ts';

/** Why a table can be empty, in words a supervisor reads instead of a bare "no data". */
const EMPTY: Record<string, Bilingual> = {
  overdue: { zh: '没有已超期的在办事项', en: 'No open item is past its deadline' },
  'due-soon': { zh: '没有即将到期的在办事项', en: 'No open item is due soon' },
  supplements: { zh: '还没有要求过补件', en: 'No supplement has been asked for' },
  'rating-follow-ups': { zh: '没有需要跟进的差评', en: 'No poor rating to follow up' },
};
const NO_DECISIONS: Bilingual = { zh: '还没有办结的事项', en: 'No item has been decided yet' };
const NO_RATINGS: Bilingual = {
  zh: '还没有群众评价；事项办结后群众在办件页评价，评价即显示在这里',
  en: 'No ratings yet; families rate each item on their case page once it is decided',
};

/** Which tables go under which tab; due-soon and overdue stand above the tabs, always in view. */
const TABS: { key: string; label: Bilingual; tables: string[] }[] = [
  {
    key: 'compliance',
    label: { zh: '按时办结', en: 'On time' },
    tables: [
      'compliance-by-department',
      'compliance-by-item',
      'compliance-by-organisation',
      'compliance-by-week',
    ],
  },
  { key: 'throughput', label: { zh: '办件量', en: 'Throughput' }, tables: ['throughput'] },
  { key: 'supplements', label: { zh: '补件', en: 'Supplements' }, tables: ['supplements'] },
  {
    key: 'ratings',
    label: { zh: '好差评', en: 'Ratings' },
    tables: ['ratings-by-score', 'ratings-by-item', 'ratings-by-organisation', 'rating-follow-ups'],
  },
];

/** The region's dashboard: which deadlines apply, the late work, three charts, then every table with its CSV. */
export function Dashboard() {
  const t = useT();
  const { region } = useSupervision();
  const [chosenMonth, setMonth] = useState<string | null>(null);
  // Decisions, ratings and supplements count within the period; open work is always today's.
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const query = new URLSearchParams(period).toString();
  const d = useApi<DashboardData>(`/api/supervision/regions/${region}/dashboard${query ? `?${query}` : ''}`);
  const names = useApi<RegionSummary[]>('/api/regions');
  const regionName = t(names.data?.find((n) => n.region === region)?.shortName ?? { zh: '', en: '' });
  const table = (id: string) => d.data?.tables.find((x) => x.id === id);
  const charts = useMemo(() => {
    const [weeks, items, scores] = ['compliance-by-week', 'compliance-by-item', 'ratings-by-score'].map(
      (id) => d.data?.tables.find((x) => x.id === id),
    );
    if (!weeks || !items || !scores) return null;
    return {
      weeks: weeks.rows.length ? weeksChart(t, weeks) : null,
      durations: items.rows.some((r) => typeof r.medianHours === 'number') ? durationsChart(t, items) : null,
      ratings: scores.rows.length ? ratingsChart(t, scores) : null,
    };
  }, [d.data, t('zh', 'en')]);
  if (d.error) return <Alert type="error" message={t(d.error.text)} />;
  if (!d.data || !charts) return null;
  // The report can be had for any month with work in it, the latest first; this month if none yet.
  // A week belongs to the months of its first and its last day.
  const weekMonths = (from: string) => {
    const last = new Date(`${from}T12:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 6);
    return [from.slice(0, 7), last.toISOString().slice(0, 7)];
  };
  const months = [...new Set((table('throughput')?.rows ?? []).flatMap((r) => weekMonths(String(r.week))))];
  months.sort((a, b) => b.localeCompare(a));
  if (!months.length) months.push(new Date().toISOString().slice(0, 7));
  const month = chosenMonth && months.includes(chosenMonth) ? chosenMonth : months[0]!;
  const tableView = (tb: DashboardTable | undefined, pageSize?: number) =>
    tb && (
      <DataTable
        key={tb.id}
        region={region}
        regionName={regionName}
        table={tb}
        empty={EMPTY[tb.id] ?? NO_DECISIONS}
        pageSize={pageSize}
        query={query}
      />
    );
  const chartCard = (
    title: Bilingual,
    option: EChartsCoreOption | null,
    testId: string,
    empty: Bilingual,
  ) => (
    <Card size="small" title={t(title)} style={{ height: '100%' }}>
      {option ? (
        <Chart option={option} testId={testId} title={t(title)} />
      ) : (
        <Empty
          data-testid={`${testId}-empty`}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(empty)}
          style={{ height: 248, paddingTop: 48 }}
        />
      )}
    </Card>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap data-testid="period">
        <Typography.Text>{t('统计期间：', 'Period:')}</Typography.Text>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[period.from ? dayjs(period.from) : null, period.to ? dayjs(period.to) : null]}
          placeholder={[t('开始日期', 'From'), t('结束日期', 'To')]}
          onChange={(v) =>
            setPeriod({
              ...(v?.[0] ? { from: v[0].format('YYYY-MM-DD') } : {}),
              ...(v?.[1] ? { to: v[1].format('YYYY-MM-DD') } : {}),
            })
          }
        />
        <Typography.Text type="secondary">
          {t(
            '办结、评价和补件按期间统计（不选为全部）；即将到期和已超期始终为当前。',
            'Decisions, ratings and supplements within the period (none chosen: all); due-soon and overdue work is always current.',
          )}
        </Typography.Text>
      </Space>
      <Alert
        type="info"
        data-testid="measured-against"
        message={t('计量依据', 'Measured against')}
        description={d.data.measuredAgainst.map((l, i) => (
          <div key={i}>{t(l)}</div>
        ))}
      />
      {tableView(table('overdue'), 5)}
      {tableView(table('due-soon'), 5)}
      <Row gutter={16}>
        <Col span={8}>
          {chartCard(
            { zh: '按周按时办结率', en: 'On-time rate by week' },
            charts.weeks,
            'chart-weeks',
            NO_DECISIONS,
          )}
        </Col>
        <Col span={8}>
          {chartCard(
            { zh: '各事项用时（工作小时）', en: 'Durations by item (working hours)' },
            charts.durations,
            'chart-durations',
            NO_DECISIONS,
          )}
        </Col>
        <Col span={8}>
          {chartCard(
            { zh: '好差评与超时、补件', en: 'Ratings beside lateness and supplements' },
            charts.ratings,
            'chart-ratings',
            NO_RATINGS,
          )}
        </Col>
      </Row>
      <Tabs
        data-testid="dashboard-tabs"
        items={TABS.map((tab) => ({
          key: tab.key,
          label: t(tab.label),
          children: (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              {tab.tables.map((id) => tableView(table(id)))}
            </Space>
          ),
        }))}
      />
      <Space wrap>
        <Typography.Text>{t('月度报告：', 'Monthly report:')}</Typography.Text>
        <Select
          data-testid="report-month"
          aria-label={t('月度报告的月份', 'Month of the monthly report')}
          style={{ width: 120 }}
          value={month}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        <Button
          data-testid="monthly-report"
          onClick={() =>
            void download(
              `/api/supervision/regions/${region}/reports/${month}.pdf`,
              `${regionName}-${month}.pdf`,
              true,
            )
          }
        >
          {t('打开 PDF（可打印）', 'Open the PDF (printable)')}
        </Button>
        <Typography.Text type="secondary">
          {t(
            '用时按工作日历计算，不含周末和法定节假日。',
            'Durations count working time only: no weekends or public holidays.',
          )}
        </Typography.Text>
      </Space>
    </Space>
  );
}

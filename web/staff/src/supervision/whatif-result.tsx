import { Card, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { formatTime } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import type { Policy } from '../../../citizen/src/types.ts';
import { citationText } from '../../../../src/policy/citation-text.ts';
import { DEPARTMENT_LABELS } from '../../../citizen/src/status.ts';
import { Chart } from './Chart.tsx';
import type { Changeable } from './whatif-changes.ts';
import type { WhatIfReport } from '../../../../src/contract/supervision.ts';

const CHANGE: Record<string, { text: Bilingual; color: string }> = {
  refused: { text: { zh: '将被拒绝', en: 'Would be refused' }, color: 'red' },
  accepted: { text: { zh: '将被受理', en: 'Would be accepted' }, color: 'green' },
  items: { text: { zh: '办理事项变化', en: 'Items change' }, color: 'orange' },
};
const OUTCOME: Record<string, Bilingual> = {
  passed: { zh: '符合', en: 'met' },
  failed: { zh: '不符合', en: 'not met' },
  'not-applicable': { zh: '不适用', en: 'does not apply' },
};
const dept = (d: string) =>
  DEPARTMENT_LABELS[d as keyof typeof DEPARTMENT_LABELS] ?? { zh: '部门', en: 'Department' };

/** The what-if's answer: the change, the families it touches and why, deadlines and weekly load. */
export function WhatIfResult({
  report,
  policy,
  options,
}: {
  report: WhatIfReport;
  policy: Policy;
  options: Changeable[];
}) {
  const t = useT();
  const item = (id: string) => t(report.items[id] ?? { zh: '事项', en: 'Item' });
  const days = (n: number) =>
    `${n > 0 ? '+' : ''}${n} ${t('个工作日', n === 1 || n === -1 ? 'working day' : 'working days')}`;
  const changed = report.load.filter((l) => l.live !== l.copy);
  const chart = useMemo<EChartsCoreOption>(() => {
    const weeks = [...new Set(report.load.map((l) => l.week))].sort();
    const total = (side: 'live' | 'copy', w: string) =>
      report.load.filter((l) => l.week === w).reduce((n, l) => n + l[side], 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('现行政策', 'Live policy'), t('政策副本', 'Policy copy')] },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: [
        { name: t('现行政策', 'Live policy'), type: 'bar', data: weeks.map((w) => total('live', w)) },
        { name: t('政策副本', 'Policy copy'), type: 'bar', data: weeks.map((w) => total('copy', w)) },
      ],
    };
  }, [report, t]);
  return (
    <>
      <Card title={t('所做修改', 'The change')}>
        {report.changes.map((c) => (
          <div key={c.path} data-testid="whatif-change">
            {t(
              options.find((o) => o.path === c.path)?.label ?? {
                zh: '政策副本中的一项',
                en: 'An entry of the copy',
              },
            )}
            ：{String(c.live)} → {String(c.copy)}
          </div>
        ))}
        {report.changes.length === 0 && t('整份政策副本', 'A whole policy copy')}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(`重放自 ${report.since} 起提交的办件`, `Cases submitted since ${report.since}`)}
          {report.withoutFacts > 0 &&
            t(
              `；另有 ${report.withoutFacts} 件在保存判定事实之前受理，未重放`,
              `; ${report.withoutFacts} accepted before their facts were kept were not replayed`,
            )}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('受影响的家庭', 'Families affected')}
        extra={
          report.familiesListed !== 'all' &&
          t(`列出前 ${report.familiesListed} 户`, `the first ${report.familiesListed} listed`)
        }
      >
        <Table
          data-testid="whatif-families"
          rowKey="caseId"
          size="small"
          dataSource={report.families}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('办件编号', 'Case number'), dataIndex: 'caseId' },
            { title: t('提交时间', 'Submitted'), render: (_, f) => formatTime(f.submittedAt) },
            {
              title: t('变化', 'Change'),
              render: (_, f) => <Tag color={CHANGE[f.change]!.color}>{t(CHANGE[f.change]!.text)}</Tag>,
            },
            {
              title: t('事项', 'Items'),
              render: (_, f) =>
                [
                  ...f.itemsDropped.map((i) => `${t('不再办理', 'no longer')}：${item(i)}`),
                  ...f.itemsAdded.map((i) => `${t('新增', 'added')}：${item(i)}`),
                ].join('；'),
            },
            {
              title: t('原因（规则与依据）', 'Why (rule and source)'),
              render: (_, f) =>
                f.rules.map((r) => (
                  <div key={r.ruleId}>
                    {t(r.requirement)}：{t(OUTCOME[r.live ?? ''] ?? { zh: '无', en: 'none' })} →{' '}
                    {t(OUTCOME[r.copy ?? ''] ?? { zh: '无', en: 'none' })}
                    <Typography.Text type="secondary">
                      {' '}
                      {t('依据', 'Source:')} {citationText(policy, r.citation)}
                    </Typography.Text>
                  </div>
                )),
            },
          ]}
        />
      </Card>
      <Card title={t('时限变化（按事项）', 'How deadlines move, by item')}>
        <Table
          data-testid="whatif-deadlines"
          rowKey="item"
          size="small"
          pagination={false}
          dataSource={report.deadlines}
          columns={[
            { title: t('事项', 'Item'), render: (_, d) => item(d.item) },
            { title: t('部门', 'Department'), render: (_, d) => t(dept(d.department)) },
            { title: t('比较件数', 'Compared'), dataIndex: 'compared' },
            { title: t('时限变化件数', 'Moved'), dataIndex: 'moved' },
            {
              title: t('变化分布', 'Shift (cases)'),
              render: (_, d) => d.distribution.map((x) => `${days(x.days)} × ${x.cases}`).join('，'),
            },
          ]}
        />
      </Card>
      <Card title={t('各部门每周收件量', 'Items each department receives, by week')}>
        <Chart
          option={chart}
          testId="whatif-load-chart"
          title={t('各部门每周收件量', 'Items each department receives, by week')}
        />
        <Table
          data-testid="whatif-load"
          rowKey={(l) => `${l.department}/${l.week}`}
          size="small"
          dataSource={changed}
          locale={{ emptyText: t('各部门每周收件量不变', 'No department’s weekly load changes') }}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('周（周一）', 'Week (Monday)'), dataIndex: 'week' },
            { title: t('部门', 'Department'), render: (_, l) => t(dept(l.department)) },
            { title: t('现行政策', 'Live policy'), dataIndex: 'live' },
            { title: t('政策副本', 'Policy copy'), dataIndex: 'copy' },
          ]}
        />
      </Card>
      {report.failed.length > 0 && (
        <Card title={t('无法推演的办件', 'Cases that could not be replayed')}>
          {report.failed.map((f) => (
            <div key={f.caseId}>
              {f.caseId}：{t(f.message)}
            </div>
          ))}
        </Card>
      )}
    </>
  );
}

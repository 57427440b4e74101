import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { useApi, usePolicy } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { citationText } from '../../../../src/policy/citation-text.ts';
import { useSupervision } from './context.ts';
import type { EfficiencyTable } from '../../../../src/contract/supervision.ts';

type Sla = EfficiencyTable['legal'];

const METRIC: Record<string, { name: Bilingual; how: Bilingual }> = {
  'working-days': {
    name: { zh: '办理时间（工作日）', en: 'Time (working days)' },
    how: { zh: '自提交至最后一个事项办结', en: 'from submission to the last item done' },
  },
  trips: {
    name: { zh: '跑动次数', en: 'Trips' },
    how: { zh: '现场领取结果与转线下办理的事项', en: 'results collected in person, items sent offline' },
  },
  materials: {
    name: { zh: '提交材料（份）', en: 'Materials' },
    how: {
      zh: '群众上传的材料；共享数据提供的不计',
      en: 'files the family uploaded; shared data not counted',
    },
  },
  steps: {
    name: { zh: '办事环节', en: 'Steps' },
    how: {
      zh: '申请一次，加上补件、补传、缴费、预约取件等',
      en: 'the application, plus supplements, uploads, payments, bookings',
    },
  },
};

function slaText(t: ReturnType<typeof useT>, s: Sla): string {
  if (!s) return t('文件未规定', 'not set by the documents');
  if (s.unit === 'on-the-spot') return t('当场办结', 'on the spot');
  return s.unit === 'working-hours'
    ? t(`${s.value} 个工作小时`, `${s.value} working hours`)
    : t(`${s.value} 个工作日`, `${s.value} working days`);
}

/** 联办效能, measured: the figures the region's documents state, beside what its finished cases cost. */
export function Efficiency() {
  const t = useT();
  const { region } = useSupervision();
  const policy = usePolicy(region);
  const table = useApi<EfficiencyTable>(`/api/supervision/regions/${region}/efficiency`);
  if (table.error) return <Alert type="error" showIcon message={t(table.error.text)} />;
  const d = table.data;
  return (
    <>
      <Typography.Title level={4}>{t('联办效能', 'Efficiency of the joint service')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '文件所列的分别办理与联办数字，与近一年已办结办件的实际情况对照。',
          "The figures the documents give for applying separately and jointly, beside what the past year's finished cases actually cost.",
        )}
      </Typography.Paragraph>
      <Card loading={!d}>
        {d && (
          <Descriptions column={{ xs: 1, md: 4 }} data-testid="efficiency-limits">
            <Descriptions.Item label={t('法定办结时限', 'Legal limit')}>
              {slaText(t, d.legal)}
            </Descriptions.Item>
            <Descriptions.Item label={t('承诺办结时限', 'Promised')}>
              {slaText(t, d.promised)}
            </Descriptions.Item>
            <Descriptions.Item label={t('已办结办件', 'Finished cases')}>{d.finishedCases}</Descriptions.Item>
            <Descriptions.Item label={t('在承诺时限内办结', 'Within the promise')}>
              {d.withinPromise === null
                ? t('本地区未作承诺', 'no promise made')
                : d.finishedCases === 0
                  ? '—'
                  : `${d.withinPromise}（${Math.round((d.withinPromise / d.finishedCases) * 100)}%）`}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Table
          data-testid="efficiency-table"
          rowKey="metric"
          pagination={false}
          loading={!d}
          dataSource={d?.metrics ?? []}
          columns={[
            {
              title: t('指标', 'Measure'),
              render: (_, m) => (
                <>
                  <div>{t(METRIC[m.metric]!.name)}</div>
                  <Typography.Text type="secondary">{t(METRIC[m.metric]!.how)}</Typography.Text>
                </>
              ),
            },
            {
              title: t('分别办理（文件）', 'Separately (documents)'),
              render: (_, m) => m.stated?.separately ?? '—',
            },
            { title: t('联办（文件）', 'Jointly (documents)'), render: (_, m) => m.stated?.jointly ?? '—' },
            {
              title: t('实际：中位数', 'Achieved: median'),
              render: (_, m) => m.achieved?.median ?? t('暂无办结办件', 'no finished case yet'),
            },
            { title: t('平均', 'Mean'), render: (_, m) => m.achieved?.mean ?? '—' },
            { title: t('90% 不超过', '90th percentile'), render: (_, m) => m.achieved?.p90 ?? '—' },
            {
              title: t('依据', 'Source'),
              render: (_, m) =>
                m.stated && policy
                  ? citationText(policy, m.stated.citation)
                  : t('本地区文件未列此项', 'not stated in this region’s documents'),
            },
          ]}
        />
      </Card>
    </>
  );
}

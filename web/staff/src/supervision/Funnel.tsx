import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useApi } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { Chart } from './Chart.tsx';
import { useSupervision } from './context.ts';
import type { Funnel as FunnelData } from '../../../../src/contract/supervision.ts';

const STEPS: { key: 'invited' | 'opened' | 'applied' | 'finished'; label: Bilingual }[] = [
  { key: 'invited', label: { zh: '已邀请', en: 'Invited' } },
  { key: 'opened', label: { zh: '已打开', en: 'Opened' } },
  { key: 'applied', label: { zh: '已申请', en: 'Applied' } },
  { key: 'finished', label: { zh: '已办结', en: 'Finished' } },
];

/** 免申即办: mothers invited when the delivery record arrived, and how far they went, how soon. */
export function Funnel() {
  const t = useT();
  const { region } = useSupervision();
  const f = useApi<FunnelData>(`/api/supervision/regions/${region}/funnel`);
  const d = f.data;
  const charts = useMemo(() => {
    if (!d) return null;
    const steps: EChartsCoreOption = {
      tooltip: {},
      xAxis: { type: 'category', data: STEPS.map((s) => t(s.label)) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: STEPS.map((s) => d[s.key]) }],
    };
    const spans: EChartsCoreOption = {
      tooltip: {},
      xAxis: {
        type: 'category',
        data: d.birthToApplication.spans.map((s) =>
          s.toDays === null
            ? t(`${s.fromDays} 天以上`, `${s.fromDays}+ days`)
            : t(`${s.fromDays}–${s.toDays} 天`, `${s.fromDays}–${s.toDays} days`),
        ),
      },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: d.birthToApplication.spans.map((s) => s.applied) }],
    };
    return { steps, spans };
  }, [d, t]);
  if (f.error) return <Alert type="error" showIcon message={t(f.error.text)} />;
  const share = (n: number) => (d && d.invited ? ` （${Math.round((n / d.invited) * 100)}%）` : '');
  return (
    <>
      <Typography.Title level={4}>{t('免申即办', 'Proactive invitations')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '医院分娩信息一到，平台即以短信和站内消息邀请母亲办理，申请表已据分娩信息预填。以下为近一年的邀请及其去向。',
          "When a hospital's delivery record arrives, the platform invites the mother by SMS and in-app message, the application prefilled from the record. The past year's invitations and what became of them.",
        )}
      </Typography.Paragraph>
      <Row gutter={16}>
        {STEPS.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card loading={!d}>
              <Statistic
                title={t(s.label)}
                value={d?.[s.key] ?? 0}
                suffix={s.key === 'invited' ? undefined : share(d?.[s.key] ?? 0)}
                data-testid={`funnel-${s.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {charts && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={12}>
            <Card title={t('邀请去向', 'From invitation to finished case')}>
              <Chart
                option={charts.steps}
                testId="funnel-chart"
                title={t('邀请去向', 'From invitation to finished case')}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card
              title={t('出生至申请', 'Birth to application')}
              extra={
                d?.birthToApplication.medianDays !== null &&
                t(
                  `中位数 ${d?.birthToApplication.medianDays} 天，90% 不超过 ${d?.birthToApplication.p90Days} 天`,
                  `median ${d?.birthToApplication.medianDays} days, 90% within ${d?.birthToApplication.p90Days}`,
                )
              }
            >
              <Chart
                option={charts.spans}
                testId="funnel-birth-to-application"
                title={t('出生至申请', 'Birth to application')}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

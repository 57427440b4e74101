import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
} from 'antd';
import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../../citizen/src/api.ts';
import { usePolicy } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { useSupervision } from './context.ts';
import { changeables } from './whatif-changes.ts';
import { WhatIfResult } from './whatif-result.tsx';
import type { WhatIfReport } from '../../../../src/contract/supervision.ts';

/** A year before today, as the Beijing date the replay starts from by default. */
function aYearAgo(): string {
  const d = new Date(Date.now() + 8 * 3600_000 - 365 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * 政策推演: a policy officer changes a limit (or pastes a whole changed policy), replays the region's
 * cases since a date under it, and reads who would be treated differently and why. Nothing changes
 * in the live cases: the server only reads.
 */
export function WhatIf() {
  const t = useT();
  const { region } = useSupervision();
  const policy = usePolicy(region);
  const options = useMemo(() => (policy ? changeables(policy) : []), [policy]);
  const [path, setPath] = useState<string | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [since, setSince] = useState(aYearAgo);
  const [advanced, setAdvanced] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [report, setReport] = useState<WhatIfReport | null>(null);
  const chosen = options.find((o) => o.path === path) ?? null;

  const run = async () => {
    setError(null);
    let copy: unknown;
    if (advanced.trim()) {
      try {
        copy = JSON.parse(advanced);
      } catch {
        return setError({
          zh: '政策副本：不是有效的政策数据文件内容',
          en: 'Policy copy: not the content of a policy data file',
        });
      }
    } else if (chosen && value !== null) {
      copy = { basedOn: region, set: { [chosen.path]: value } };
    } else {
      return setError({
        zh: '请选择要修改的时限并填写新值',
        en: 'Choose a limit to change and give its new value',
      });
    }
    setRunning(true);
    try {
      setReport(await api.post<WhatIfReport>('/api/supervision/whatif', { region, since, policy: copy }));
    } catch (e) {
      setError(
        e instanceof ApiError ? e.text : { zh: '推演失败，请重试', en: 'The what-if failed; try again' },
      );
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Typography.Title level={4}>{t('政策推演', 'Policy what-if')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '修改一项规定，用本地区办件当时的判定事实重新判定，查看哪些家庭会受影响、时限如何变化、各部门每周工作量。只读，不改变任何在办办件。',
          "Change a rule and replay the region's cases on the facts they were decided on: who would be treated differently, how deadlines move, each department's weekly load. Read only: no live case changes.",
        )}
      </Typography.Paragraph>
      <Card>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item label={t('修改哪项时限', 'Limit to change')} htmlFor="whatif-limit">
                <Select
                  id="whatif-limit"
                  data-testid="whatif-limit"
                  value={path}
                  onChange={(p: string) => {
                    setPath(p);
                    setValue(options.find((o) => o.path === p)?.current ?? null);
                  }}
                  options={options.map((o) => ({
                    value: o.path,
                    label: `${t(o.label)}（${t('现为', 'now')} ${o.current} ${t(o.unit)}）`,
                  }))}
                  placeholder={t('请选择', 'Choose')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label={t('改为', 'New value')} htmlFor="whatif-value">
                <InputNumber
                  id="whatif-value"
                  data-testid="whatif-value"
                  min={1}
                  value={value}
                  onChange={(v) => setValue(v)}
                  addonAfter={chosen ? t(chosen.unit) : undefined}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item
                label={t('重放自（提交日期）', 'Replay cases submitted since')}
                htmlFor="whatif-since"
              >
                <Input
                  id="whatif-since"
                  type="date"
                  data-testid="whatif-since"
                  value={since}
                  onChange={(e) => setSince(e.target.value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label=" ">
                <Button
                  type="primary"
                  block
                  loading={running}
                  onClick={() => void run()}
                  data-testid="whatif-run"
                >
                  {t('开始推演', 'Run')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
          <Collapse
            ghost
            items={[
              {
                key: 'advanced',
                label: t(
                  '高级：粘贴整份政策副本（政策数据文件格式）',
                  'Advanced: paste a whole policy copy (as a policy data file)',
                ),
                children: (
                  <Input.TextArea
                    data-testid="whatif-advanced"
                    rows={6}
                    value={advanced}
                    onChange={(e) => setAdvanced(e.target.value)}
                    placeholder={t(
                      '留空则使用上面的修改；填写后以此为准，按地区政策的同一规则校验',
                      'Leave empty to use the change above; when filled, this copy is used and checked by the same rules as the region files',
                    )}
                  />
                ),
              },
            ]}
          />
        </Form>
      </Card>
      {error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={t(error)}
          data-testid="whatif-error"
        />
      )}
      {report && policy && (
        <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
          <Row gutter={16}>
            {(
              [
                ['replayed', { zh: '重放办件', en: 'Cases replayed' }],
                ['refused', { zh: '将被拒绝', en: 'Would be refused' }],
                ['accepted', { zh: '将被受理', en: 'Would be accepted' }],
                ['itemsChanged', { zh: '办理事项变化', en: 'Items change' }],
              ] as const
            ).map(([k, label]) => (
              <Col key={k} xs={12} md={6}>
                <Card>
                  <Statistic title={t(label)} value={report[k]} data-testid={`whatif-${k}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <WhatIfResult report={report} policy={policy} options={options} />
        </Space>
      )}
    </>
  );
}

import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Tag, Timeline } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../citizen/src/api.ts';
import { ProvisionalMark } from '../../citizen/src/components/Provisional.tsx';
import { formatTime, useApi } from '../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../citizen/src/i18n.tsx';
import { placeName } from '../../../src/domain/place-names.ts';
import {
  EVENT_LABELS,
  FIELD_VALUE_LABELS,
  fieldLabel,
  HOLDER_LABELS,
  ITEM_OUTPUTS,
  ITEM_STATUS,
  OUTPUT_LABELS,
} from '../../citizen/src/status.ts';
import type { Task as TaskView } from '../../../src/contract/staff.ts';
import { TaskDocuments } from './TaskDocuments.tsx';

/** The reasons a clerk picks from; free text adds the particulars. */
const REASONS: Bilingual[] = [
  { zh: '材料不符合要求', en: 'the materials do not meet the requirements' },
  { zh: '信息与登记记录不一致', en: 'the details do not match the records' },
  { zh: '不符合办理条件', en: 'the conditions are not met' },
];

/** Nested task fields as labelled rows: `registering.name` → 落户一方姓名. Values in words, never a code. */
function valueText(path: string, v: string): string | Bilingual {
  if (FIELD_VALUE_LABELS[v]) return FIELD_VALUE_LABELS[v];
  if (/^\d{6}$/.test(v) && /division/i.test(path)) return placeName(v);
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatTime(v);
  return v;
}

function rows(value: unknown, path = ''): { path: string; text: string | Bilingual }[] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value !== 'object') return [{ path, text: valueText(path, String(value)) }];
  if (Array.isArray(value)) return value.flatMap((v) => rows(v, path));
  return Object.entries(value).flatMap(([k, v]) => rows(v, path ? `${path}.${k}` : k));
}

/** One task: the department's fields, the item's state and history, and the decision. */
export function Task() {
  const t = useT();
  const navigate = useNavigate();
  const { caseId, item } = useParams() as { caseId: string; item: string };
  const task = useApi<TaskView>(`/api/staff/cases/${caseId}/items/${item}`);
  const [outcome, setOutcome] = useState<'done' | 'rejected' | 'supplement'>('done');
  const [error, setError] = useState<ApiError | null>(null);
  // One id per decision form: a second click on the same decision decides nothing twice.
  const txnId = useMemo(() => crypto.randomUUID(), []);
  if (task.error) return <Alert type="error" message={t(task.error.text)} data-testid="task-error" />;
  const v = task.data;
  if (!v) return null;
  const open = v.status === 'dispatched' && v.holder === 'department';
  const submit = async (values: Record<string, string>) => {
    const body =
      outcome === 'done'
        ? {
            txnId,
            outcome,
            outputs: Object.fromEntries(
              Object.entries(values)
                .filter(([k]) => k.startsWith('out.'))
                .map(([k, x]) => [k.slice(4), x]),
            ),
          }
        : outcome === 'rejected'
          ? {
              txnId,
              outcome,
              reason: {
                zh: `${values.reasonZh}${values.note ? `：${values.note}` : ''}。${values.offline ?? ''}`,
                en: `${REASONS.find((r) => r.zh === values.reasonZh)?.en ?? ''}${values.note ? `: ${values.note}` : ''}. ${values.offline ?? ''}`,
              },
            }
          : {
              txnId,
              outcome,
              material: values.material,
              message: { zh: values.message!, en: values.message! },
            };
    try {
      setError(null);
      await api.post(`/api/staff/cases/${caseId}/items/${item}/decision`, body);
      void task.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/')}>{t('返回队列', 'Back to the queue')}</Button>
      <Card
        title={`${v.babyName} · ${v.caseId} · ${v.itemName ? t(v.itemName) : ''}`}
        extra={
          <Tag color={ITEM_STATUS[v.status]?.color} data-testid="task-status">
            {t(ITEM_STATUS[v.status]!.text)}
          </Tag>
        }
      >
        <p>
          {v.holder && t(HOLDER_LABELS[v.holder]!)}
          {v.deadline && (
            <>
              {' · '}
              {t('办理时限', 'Due')} {formatTime(v.deadline)}
              <ProvisionalMark on={v.deadlineProvisional} />
            </>
          )}
          {v.overdue && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('超期', 'Overdue')}
            </Tag>
          )}
        </p>
        <Descriptions bordered size="small" column={1} data-testid="task-fields">
          {rows(v.fields).map((r, i) => (
            <Descriptions.Item
              key={i}
              label={t(fieldLabel(r.path) ?? { zh: '其他信息', en: 'Other details' })}
            >
              {typeof r.text === 'string' ? r.text : t(r.text)}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {Object.keys(v.outputs).length > 0 && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="task-outputs">
            {Object.entries(v.outputs).map(([k, x]) => (
              <Descriptions.Item key={k} label={t(OUTPUT_LABELS[k] ?? { zh: '办理结果', en: 'Result' })}>
                {x}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <TaskDocuments path={`/api/staff/cases/${caseId}/items/${item}`} documents={v.documents} />
      {open && (
        <Card title={t('办理', 'Decide')}>
          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            style={{ marginBottom: 12 }}
          >
            <Radio value="done" data-testid="outcome-done">
              {t('办结', 'Approve')}
            </Radio>
            <Radio value="rejected" data-testid="outcome-rejected">
              {t('不予办理', 'Reject')}
            </Radio>
            {v.supplementsOffered && (
              <Radio value="supplement" data-testid="outcome-supplement">
                {t('要求补件', 'Ask for a supplement')}
              </Radio>
            )}
          </Radio.Group>
          <Form
            layout="vertical"
            onFinish={(values) => void submit(values as Record<string, string>)}
            key={outcome}
          >
            {outcome === 'done' &&
              (ITEM_OUTPUTS[v.item] ?? []).map((k) => (
                <Form.Item
                  key={k}
                  name={`out.${k}`}
                  label={t(OUTPUT_LABELS[k]!)}
                  rules={[{ required: true, message: t('请填写', 'Required') }]}
                >
                  <Input data-testid={`output-${k}`} />
                </Form.Item>
              ))}
            {outcome === 'rejected' && (
              <>
                <Form.Item
                  name="reasonZh"
                  label={t('原因', 'Reason')}
                  rules={[{ required: true, message: t('请选择', 'Choose one') }]}
                >
                  <Select
                    options={REASONS.map((r) => ({ value: r.zh, label: t(r) }))}
                    data-testid="reject-reason"
                  />
                </Form.Item>
                <Form.Item name="note" label={t('补充说明', 'Particulars')}>
                  <Input.TextArea maxLength={200} />
                </Form.Item>
                <Form.Item
                  name="offline"
                  label={t('告知群众的线下办理途径', 'Where the family applies offline')}
                  initialValue={t(
                    '请持相关材料到本单位窗口线下办理',
                    'please bring the materials to our counter',
                  )}
                >
                  <Input />
                </Form.Item>
              </>
            )}
            {outcome === 'supplement' && (
              <>
                <Form.Item
                  name="material"
                  label={t('所缺材料', 'Missing material')}
                  rules={[{ required: true, message: t('请选择', 'Choose one') }]}
                >
                  <Select options={v.materials.map((m) => ({ value: m.id, label: t(m.name) }))} />
                </Form.Item>
                <Form.Item
                  name="message"
                  label={t('告知群众', 'What the family is told')}
                  rules={[{ required: true, message: t('请填写', 'Required') }]}
                >
                  <Input.TextArea maxLength={200} />
                </Form.Item>
              </>
            )}
            {error && (
              <Alert
                type="error"
                message={t(error.text)}
                style={{ marginBottom: 12 }}
                data-testid="decision-error"
              />
            )}
            <Button type="primary" htmlType="submit" data-testid="decide">
              {t('提交', 'Submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('办理过程', 'History')}>
        <Timeline
          items={v.timeline.map((e) => ({
            children: `${formatTime(e.at)} ${t(EVENT_LABELS[e.type] ?? { zh: '进展', en: 'Update' })}`,
          }))}
        />
      </Card>
    </Space>
  );
}

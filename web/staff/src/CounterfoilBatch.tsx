import { Alert, Button, Card, Descriptions, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../citizen/src/api.ts';
import { formatTime, useApi } from '../../citizen/src/hooks.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import {
  COUNTERFOIL_BATCH_LABELS,
  COUNTERFOIL_FOLLOW_UP_LABELS,
  COUNTERFOIL_LINE_LABELS,
} from '../../citizen/src/status.ts';
import type { Batch } from '../../../src/contract/staff.ts';
import { STATUS_COLOURS, useLineColumns } from './Counterfoil.tsx';

type Line = Batch['lines'][number];
type Check = { status?: 'received' | 'missing' | 'mismatched'; note?: string };

const DISCREPANCY = new Set(['missing', 'mismatched']);

/**
 * One batch: its sheet to print, sending it, the receiver's line-by-line check (received, missing,
 * or not matching with a note), and the sender's follow-up of each discrepancy.
 */
export function CounterfoilBatch() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams() as { id: string };
  const batch = useApi<Batch>(`/api/staff/counterfoil/batches/${id}`);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [followUps, setFollowUps] = useState<Record<string, { kind?: string; note?: string }>>({});
  const [sheet, setSheet] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const b = batch.data;
  const columns = useLineColumns((b?.hop ?? 0) > 0);
  if (batch.error) return <Alert type="error" message={t(batch.error.text)} data-testid="batch-error" />;
  if (!b) return null;
  const act = async (path: string, body: unknown = {}) => {
    try {
      setError(null);
      batch.setData(await api.post<Batch>(`/api/staff/counterfoil/batches/${id}/${path}`, body));
      setSheet(null);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const print = async () => {
    try {
      const blob = await api.blob(`/api/staff/counterfoil/batches/${id}/sheet.pdf`);
      setSheet(URL.createObjectURL(blob));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const checking = b.mayAcknowledge;
  const allChecked = b.lines.every((l) => checks[l.caseId]?.status);
  const setCheck = (caseId: string, c: Check) =>
    setChecks((all) => ({ ...all, [caseId]: { ...all[caseId], ...c } }));
  const discrepancies = b.lines.filter((l) => DISCREPANCY.has(l.status));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Button onClick={() => navigate('/counterfoil')}>
        {t('返回副页移交', 'Back to counterfoil transfer')}
      </Button>
      <Card
        title={t(`副页移交 · 第 ${b.id} 批`, `Counterfoil batch No. ${b.id}`)}
        extra={
          <Tag color={STATUS_COLOURS[b.status]} data-testid="batch-status">
            {t(COUNTERFOIL_BATCH_LABELS[b.status]!)}
          </Tag>
        }
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('移交单位', 'From')}>{t(b.sender)}</Descriptions.Item>
          <Descriptions.Item label={t('接收单位', 'To')}>
            {t(b.receiver)}
            {!b.receiverOnPlatform &&
              t(
                '（不在本平台，凭签回的移交记录表登记）',
                ' (off the platform: recorded from the signed sheet)',
              )}
          </Descriptions.Item>
          <Descriptions.Item label={t('县（市、区）', 'County')}>
            {b.county ? t(b.county) : ''}
          </Descriptions.Item>
          <Descriptions.Item
            label={t('批次期间', 'Period')}
          >{`${b.period.from} – ${b.period.to}`}</Descriptions.Item>
          <Descriptions.Item label={t('移交期限', 'Due')}>
            {b.due ?? t('文件未规定', 'not set')}
          </Descriptions.Item>
          <Descriptions.Item label={t('份数', 'Counterfoils')}>{b.lines.length}</Descriptions.Item>
          <Descriptions.Item label={t('送出时间', 'Sent')}>
            {b.sentAt ? formatTime(b.sentAt) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('接收确认时间', 'Acknowledged')}>
            {b.acknowledgedAt ? formatTime(b.acknowledgedAt) : ''}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void print()} data-testid="print-sheet">
            {t('打印移交记录表', 'Print the transfer sheet')}
          </Button>
          {sheet && (
            <Typography.Link href={sheet} target="_blank" rel="noreferrer" data-testid="sheet-link">
              {t('打开移交记录表（PDF）', 'Open the transfer sheet (PDF)')}
            </Typography.Link>
          )}
          {b.role === 'sender' && b.status === 'assembled' && (
            <Button type="primary" onClick={() => void act('send')} data-testid="send-batch">
              {t('确认送出', 'Send')}
            </Button>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" message={t(error.text)} data-testid="batch-action-error" />}
      <Card title={checking ? t('逐份核对', 'Check each counterfoil') : t('明细', 'Detail list')}>
        <Table<Line>
          rowKey="caseId"
          size="small"
          pagination={false}
          dataSource={b.lines}
          data-testid="batch-lines"
          columns={[
            { title: t('序号', 'No.'), render: (_, __, i) => i + 1 },
            ...columns,
            {
              title: t('核对', 'Check'),
              render: (_, l) =>
                checking ? (
                  <Space direction="vertical" data-testid={`check-${l.certificateNumber}`}>
                    <Radio.Group
                      value={checks[l.caseId]?.status}
                      onChange={(e) => setCheck(l.caseId, { status: e.target.value })}
                      options={(['received', 'missing', 'mismatched'] as const).map((s) => ({
                        value: s,
                        label: t(COUNTERFOIL_LINE_LABELS[s]!),
                      }))}
                    />
                    {checks[l.caseId]?.status && checks[l.caseId]!.status !== 'received' && (
                      <Input
                        maxLength={200}
                        placeholder={t('说明（不一致的必填）', 'Note (required if it does not match)')}
                        value={checks[l.caseId]?.note}
                        onChange={(e) => setCheck(l.caseId, { note: e.target.value })}
                        data-testid="check-note"
                      />
                    )}
                  </Space>
                ) : (
                  <span data-testid="line-status">
                    {t(COUNTERFOIL_LINE_LABELS[l.status]!)}
                    {l.note && `：${l.note}`}
                  </span>
                ),
            },
          ]}
        />
        {checking && (
          <Space style={{ marginTop: 12 }}>
            <Button
              onClick={() =>
                setChecks(Object.fromEntries(b.lines.map((l) => [l.caseId, { status: 'received' as const }])))
              }
            >
              {t('全部标为已接收', 'Mark all received')}
            </Button>
            <Button
              type="primary"
              disabled={!allChecked}
              data-testid="acknowledge"
              onClick={() =>
                void act('acknowledgement', {
                  lines: b.lines.map((l) => ({
                    caseId: l.caseId,
                    status: checks[l.caseId]!.status,
                    ...(checks[l.caseId]!.note ? { note: checks[l.caseId]!.note } : {}),
                  })),
                })
              }
            >
              {t('确认接收', 'Acknowledge')}
            </Button>
          </Space>
        )}
      </Card>
      {discrepancies.length > 0 && (
        <Card title={t('差异与跟进', 'Discrepancies and follow-up')} data-testid="discrepancies">
          {discrepancies.map((l) => (
            <Card
              key={l.caseId}
              size="small"
              style={{ marginBottom: 8 }}
              data-testid={`discrepancy-${l.certificateNumber}`}
              title={`${l.certificateNumber} · ${l.babyName} · ${t(COUNTERFOIL_LINE_LABELS[l.status]!)}`}
            >
              {l.note && (
                <p>
                  {t('接收方说明', "Receiver's note")}：{l.note}
                </p>
              )}
              {l.followUp ? (
                <p data-testid="follow-up">
                  {t(COUNTERFOIL_FOLLOW_UP_LABELS[l.followUp.kind]!)}：{l.followUp.note}（
                  {l.followUp.staffName}，{formatTime(l.followUp.at)}）
                </p>
              ) : b.role === 'sender' ? (
                <Space wrap>
                  <Select
                    style={{ width: 180 }}
                    aria-label={t('跟进方式', 'How it was followed up')}
                    placeholder={t('跟进方式', 'How')}
                    value={followUps[l.caseId]?.kind}
                    onChange={(kind) => setFollowUps((f) => ({ ...f, [l.caseId]: { ...f[l.caseId], kind } }))}
                    options={Object.entries(COUNTERFOIL_FOLLOW_UP_LABELS).map(([value, label]) => ({
                      value,
                      label: t(label),
                    }))}
                    data-testid="follow-up-kind"
                  />
                  <Input
                    style={{ width: 360 }}
                    maxLength={200}
                    placeholder={t('处理说明', 'What was done')}
                    value={followUps[l.caseId]?.note}
                    onChange={(e) =>
                      setFollowUps((f) => ({ ...f, [l.caseId]: { ...f[l.caseId], note: e.target.value } }))
                    }
                    data-testid="follow-up-note"
                  />
                  <Button
                    type="primary"
                    disabled={!followUps[l.caseId]?.kind || !followUps[l.caseId]?.note?.trim()}
                    data-testid="follow-up-submit"
                    onClick={() =>
                      void act(`lines/${encodeURIComponent(l.caseId)}/follow-up`, {
                        kind: followUps[l.caseId]!.kind,
                        resolution: followUps[l.caseId]!.note,
                      })
                    }
                  >
                    {t('登记跟进', 'Record the follow-up')}
                  </Button>
                </Space>
              ) : (
                <Tag>{t('待移交单位跟进', 'Awaiting the sender’s follow-up')}</Tag>
              )}
            </Card>
          ))}
        </Card>
      )}
    </Space>
  );
}

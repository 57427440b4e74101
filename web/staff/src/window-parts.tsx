import { Alert, Button, Card, List, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../citizen/src/api.ts';
import { PhotoInput } from '../../citizen/src/components/PhotoInput.tsx';
import { formatTime } from '../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../citizen/src/i18n.tsx';
import type { SigningSessionView as SigningView, WindowPreview } from '../../../src/contract/staff.ts';
import type { Queued } from './window-queue.ts';
import { ROLE_LABELS } from '../../citizen/src/status.ts';

/** The pieces of the window page: the materials, a tablet signing, the outbox and the papers. */

/**
 * The policy's materials: supplied by the shared data, produced by the window itself (the letter,
 * the form's paper), or scanned here from what the mother hands over.
 */
export function Materials({
  preview,
  uploads,
  onScan,
}: {
  preview: WindowPreview;
  uploads: Record<string, string>;
  onScan: (material: string, dataUrl: string) => Promise<void>;
}) {
  const t = useT();
  const produced = new Map(preview.produced.map((p) => [p.material, p.ready]));
  return (
    <List
      bordered
      data-testid="window-materials"
      dataSource={preview.evaluation.materials}
      renderItem={(m) => {
        const made = produced.get(m.id);
        const tag =
          m.source === 'shared-data' ? (
            <Tag color="green">{t('共享数据免交', 'From the shared data')}</Tag>
          ) : made !== undefined ? (
            <Tag color={made ? 'green' : 'blue'}>
              {made ? t('窗口已生成', 'Produced here') : t('签名时由窗口生成', 'Produced when signed')}
            </Tag>
          ) : uploads[m.id] ? (
            <Tag color="green">{t('已扫描', 'Scanned')}</Tag>
          ) : (
            <Tag color="orange">{t('待扫描', 'To scan')}</Tag>
          );
        return (
          <List.Item data-testid={`material-${m.id}`} extra={tag}>
            <Space direction="vertical">
              <span>{t(m.name)}</span>
              {m.source === 'upload' && made === undefined && (
                <div data-testid={`scan-${m.id}`}>
                  <PhotoInput
                    label={t('扫描或拍摄原件', 'Scan or photograph the original')}
                    onFile={(dataUrl) => onScan(m.id, dataUrl)}
                  />
                </div>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/** Open a session on the tablet and follow it until every signer has signed. */
export function TabletSigning({
  title,
  start,
  onComplete,
  testId,
}: {
  title: Bilingual;
  start: () => Promise<SigningView>;
  onComplete: (s: SigningView) => void;
  testId: string;
}) {
  const t = useT();
  const [session, setSession] = useState<SigningView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const completed = useRef(onComplete);
  completed.current = onComplete;
  const id = session && !session.complete && !session.expired ? session.id : null;
  useEffect(() => {
    if (!id) return;
    // The tablet posts to the server; the clerk's screen polls it, once a second.
    const timer = setInterval(async () => {
      try {
        const next = await api.get<SigningView>(`/api/staff/window/signing-sessions/${id}`);
        setSession(next);
        if (next.complete) completed.current(next);
      } catch {
        // Polling again in a second; an outage shows in the outbox, not here.
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [id]);
  const open = async () => {
    try {
      setError(null);
      const s = await start();
      setSession(s);
      window.open(`/staff/#/tablet/${s.id}`, 'counter-tablet');
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Space direction="vertical">
      <Button type="primary" onClick={() => void open()} data-testid={testId}>
        {t(title)}
      </Button>
      {session && (
        <span data-testid={`${testId}-status`}>
          {session.complete
            ? t('已签名', 'Signed')
            : session.expired
              ? t('已超时，请重新发起', 'Expired; start again')
              : t(
                  `等待在平板上签名（${session.signed.length}/${session.signers.length}），${formatTime(session.expiresAt)} 前有效`,
                  `Waiting for the tablet (${session.signed.length}/${session.signers.length}), until ${formatTime(session.expiresAt)}`,
                )}
        </span>
      )}
      {error && <Alert type="error" message={t(error.text)} data-testid={`${testId}-error`} />}
    </Space>
  );
}

/**
 * The father not at the counter: the invitation to sign this very form in his own login, and
 * whether he has (polled, as the tablet's signatures are). Sent when the session opened; if that
 * did not reach the server, the clerk sends it here.
 */
export function SignsInOwnLogin({
  session,
  invite,
  onChange,
}: {
  session: SigningView;
  invite: () => Promise<SigningView>;
  onChange: (s: SigningView) => void;
}) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const waiting = session.ownLogin.some((o) => o.invitedAt && !o.signedAt) ? session.id : null;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(async () => {
      try {
        changed.current(await api.get<SigningView>(`/api/staff/window/signing-sessions/${waiting}`));
      } catch {
        // Polling again shortly; an outage shows in the outbox, not here.
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [waiting]);
  const send = async () => {
    try {
      setError(null);
      onChange(await invite());
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Space direction="vertical" data-testid="window-own-login">
      {session.ownLogin.map((o) => {
        const who = ROLE_LABELS[o.role];
        return (
          <Space key={o.role} data-testid={`window-own-login-${o.role}`} data-signed={!!o.signedAt}>
            {o.signedAt ? (
              <Tag color="green">
                {t(`${who.zh}已在本人手机上签名`, `The ${who.en.toLowerCase()} signed on their own phone`)} ·{' '}
                {formatTime(o.signedAt)}
              </Tag>
            ) : o.invitedAt ? (
              <Tag color="blue">
                {t(
                  `已邀请${who.zh}在本人手机上签名（${formatTime(o.invitedAt)}），等待签名`,
                  `The ${who.en.toLowerCase()} was invited to sign on their own phone (${formatTime(o.invitedAt)}); waiting`,
                )}
              </Tag>
            ) : (
              <Button onClick={() => void send()} data-testid="window-invite">
                {t(
                  `请${who.zh}在本人手机上签名（发送邀请）`,
                  `Ask the ${who.en.toLowerCase()} to sign on their own phone (send the invitation)`,
                )}
              </Button>
            )}
          </Space>
        );
      })}
      {error && <Alert type="error" message={t(error.text)} data-testid="window-invite-error" />}
    </Space>
  );
}

const STATES: Record<Queued['state'], Bilingual> = {
  waiting: { zh: '等待发送（网络恢复后自动发送）', en: 'Waiting to send (sent when the network returns)' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已提交', en: 'Submitted' },
  refused: { zh: '未受理', en: 'Not accepted' },
};

/** What the window submitted, or still has to send. */
export function Outbox({ items }: { items: Queued[] }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <Card title={t('本窗口提交的申请', 'Applications from this window')} data-testid="window-outbox">
      <List
        dataSource={items}
        renderItem={(q) => (
          <List.Item data-testid={`outbox-${q.clientTxnId}`} data-state={q.state}>
            <span>
              {q.babyName} · {formatTime(q.queuedAt)}
            </span>
            <span>
              <Tag color={q.state === 'sent' ? 'green' : q.state === 'refused' ? 'red' : 'orange'}>
                {t(STATES[q.state])}
              </Tag>
              {q.caseId && <span>{t(`办件编号 ${q.caseId}`, `Case ${q.caseId}`)}</span>}
              {q.error && <span> {t(q.error)}</span>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

const PAPERS: { key: string; label: Bilingual; letter?: boolean }[] = [
  { key: 'form', label: { zh: '申请表', en: 'Application form' } },
  { key: 'authorization', label: { zh: '授权委托书', en: 'Authorization letter' }, letter: true },
  { key: 'receipt', label: { zh: '收件回执', en: 'Materials receipt' }, letter: true },
];

/** The case number and its papers to print. */
export function Papers({ caseId, letter }: { caseId: string; letter: boolean }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const open = async (key: string) => {
    try {
      const blob = await api.blob(`/api/staff/window/cases/${caseId}/${key}.pdf`);
      window.open(URL.createObjectURL(blob));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('已提交', 'Submitted')} data-testid="window-submitted">
      <p>
        {t('办件编号', 'Case number')} <strong data-testid="window-case-id">{caseId}</strong>
      </p>
      <Space>
        {PAPERS.filter((p) => letter || !p.letter).map((p) => (
          <Button key={p.key} onClick={() => void open(p.key)} data-testid={`window-pdf-${p.key}`}>
            {t(`打印${p.label.zh}`, `Print the ${p.label.en.toLowerCase()}`)}
          </Button>
        ))}
      </Space>
      {error && <Alert type="error" message={t(error.text)} />}
    </Card>
  );
}

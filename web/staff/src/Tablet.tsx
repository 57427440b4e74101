import { Alert, Button, Card, Result, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../citizen/src/api.ts';
import { SignaturePad } from '../../citizen/src/components/SignaturePad.tsx';
import { formatTime, useApi, usePolicy } from '../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../citizen/src/i18n.tsx';
import { placeName } from '../../../src/domain/place-names.ts';
import { FIELD_VALUE_LABELS, ROLE_LABELS } from '../../citizen/src/status.ts';

import type { SigningSessionView as SigningView, StaffMe } from '../../../src/contract/staff.ts';
import type { Role } from '../../citizen/src/types.ts';

const BIG = { fontSize: 22, lineHeight: 1.7 } as const;

/**
 * The counter tablet: the clerk's screen opens this page in a second window, logged in as the same
 * counter. It shows what is signed in large type, and a pad for each signer; the clerk's screen
 * sees each signature arrive.
 */
export function Tablet() {
  const { id } = useParams() as { id: string };
  // The counter's tablet window is reused for the next paper: each session starts with empty pads.
  return <TabletSession key={id} id={id} />;
}

function TabletSession({ id }: { id: string }) {
  const t = useT();
  const session = useApi<SigningView>(`/api/staff/window/signing-sessions/${id}`);
  const me = useApi<StaffMe>('/api/staff/me');
  const policy = usePolicy(me.data?.organisation.region);
  const [png, setPng] = useState<Partial<Record<Role, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  if (session.error) return <Alert type="error" message={t(session.error.text)} data-testid="tablet-error" />;
  const s = session.data;
  if (!s || !policy) return null;
  const itemName = (i: string) => policy.items.find((x) => x.id === i)?.name ?? { zh: '', en: '' };
  const value = (v: string) => t(FIELD_VALUE_LABELS[v] ?? { zh: v, en: v });
  const sign = async (role: Role) => {
    try {
      setError(null);
      session.setData(
        await api.post<SigningView>(`/api/staff/window/signing-sessions/${id}/signatures`, {
          role,
          signature: png[role],
        }),
      );
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const rows: [Bilingual, string][] =
    s.summary.kind === 'letter'
      ? [
          [{ zh: '委托人', en: 'Grantor' }, s.summary.letter.grantor.name],
          [
            { zh: '新生儿', en: 'Baby' },
            `${s.summary.letter.baby.name}（${value(s.summary.letter.baby.sex)}）`,
          ],
          [{ zh: '分娩医院', en: 'Hospital of delivery' }, s.summary.letter.delivery.hospital],
          [{ zh: '受委托医院', en: 'Hospital authorized' }, s.summary.letter.grantee.hospital],
          [
            { zh: '委托办理', en: 'Authorized to handle' },
            s.summary.letter.items.map((i) => t(itemName(i))).join('、'),
          ],
          [{ zh: '委托期限自', en: 'From' }, s.summary.letter.period.from],
        ]
      : [
          [{ zh: '新生儿', en: 'Baby' }, `${s.summary.form.baby.name}（${value(s.summary.form.baby.sex)}）`],
          [{ zh: '出生时间', en: 'Born' }, formatTime(s.summary.form.baby.bornAt)],
          [{ zh: '助产机构', en: 'Hospital' }, s.summary.form.institution ?? ''],
          [{ zh: '母亲', en: 'Mother' }, s.summary.form.mother],
          [{ zh: '父亲', en: 'Father' }, s.summary.form.father ?? ''],
          [
            { zh: '落户', en: 'Registered with' },
            `${t(ROLE_LABELS[s.summary.form.registering])} ${placeName(s.summary.form.hukouDivisionCode)}`,
          ],
          [{ zh: '办理事项', en: 'Items' }, s.summary.items.map((i) => t(itemName(i))).join('、')],
          [{ zh: '手机号码', en: 'Mobile' }, s.summary.form.phone ?? ''],
          [
            { zh: '收件地址', en: 'Mailing address' },
            s.summary.form.mailingAddress
              ? `${placeName(s.summary.form.mailingAddress.divisionCode)} ${s.summary.form.mailingAddress.detail}`
              : '',
          ],
        ];
  const title =
    s.purpose === 'letter'
      ? t('授权委托书：请核对后签名', 'Authorization letter: check it, then sign')
      : t('申请表：请核对后签名', 'Application form: check it, then sign');
  return (
    <Space
      direction="vertical"
      style={{ width: '100%', maxWidth: 900, margin: '0 auto' }}
      data-testid="tablet"
    >
      <Card title={<span style={{ fontSize: 24 }}>{title}</span>}>
        <dl style={BIG} data-testid="tablet-summary">
          {rows
            .filter(([, v]) => v)
            .map(([label, v]) => (
              <div key={label.zh} style={{ display: 'flex', gap: 16 }}>
                <dt style={{ minWidth: 160, color: '#555' }}>{t(label)}</dt>
                <dd style={{ margin: 0 }}>{v}</dd>
              </div>
            ))}
        </dl>
      </Card>
      {s.complete ? (
        <Result status="success" title={t('签名完成，谢谢', 'Signed, thank you')} data-testid="tablet-done" />
      ) : s.expired ? (
        <Alert
          type="warning"
          message={t('签名已超时，请窗口重新发起', 'Expired; the window will start again')}
        />
      ) : (
        s.signers
          .filter((r) => !s.signed.some((x) => x.role === r))
          .map((role) => (
            <Card
              key={role}
              title={
                <span style={{ fontSize: 22 }}>
                  {t(`${t(ROLE_LABELS[role])}签名`, `${t(ROLE_LABELS[role])}'s signature`)}
                </span>
              }
            >
              <div data-testid={`tablet-pad-${role}`}>
                <SignaturePad
                  label={t(ROLE_LABELS[role])}
                  onChange={(v) => setPng((p) => ({ ...p, [role]: v ?? undefined }))}
                />
              </div>
              <Button
                type="primary"
                size="large"
                disabled={!png[role]}
                style={{ marginTop: 12 }}
                data-testid={`tablet-sign-${role}`}
                onClick={() => void sign(role)}
              >
                {t('确认签名', 'Confirm signature')}
              </Button>
            </Card>
          ))
      )}
      {error && <Alert type="error" message={t(error.text)} data-testid="tablet-sign-error" />}
    </Space>
  );
}

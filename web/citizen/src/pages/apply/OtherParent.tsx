import { Button, Card, Tag } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { formatTime } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import { ROLE_LABELS } from '../../status.ts';
import type { InvitationSent, Preview, Role } from '../../types.ts';
import { applicationOf, type Draft } from './draft.ts';

/**
 * What the other parent still has to do, each on their own phone: sign this very form (Gansu,
 * Sichuan), verify their face (Zibo). The applicant invites them — the invitation reaches their inbox
 * and phone — and sees here who has and who has not done their part. While waiting, the pre-review
 * is asked again now and then, so the page moves on by itself once they have.
 */
export function OtherParent({
  region,
  applicant,
  draft,
  preview,
  onChange,
}: {
  region: string;
  applicant: Role;
  draft: Draft;
  preview: Preview;
  onChange: () => void;
}) {
  const t = useT();
  const other: Role = applicant === 'mother' ? 'father' : 'mother';
  const who = ROLE_LABELS[other];
  const signer = preview.coSigners.find((c) => c.role === other);
  const faceMissing = preview.missing.some((m) => m.field === `faces.${other}`);
  const todo = [...(signer && !signer.signedAt ? ['sign'] : []), ...(faceMissing ? ['face'] : [])];
  const [invitedAt, setInvitedAt] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const waiting = todo.length > 0 && invitedAt !== null;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(onChange, 4000);
    return () => clearInterval(timer);
  }, [waiting, onChange]);
  if (!signer && !faceMissing && !invitedAt) return null;

  const invite = async () => {
    try {
      setError(null);
      const r = await api.post<InvitationSent>('/api/citizen/invitations', {
        region,
        application: applicationOf(draft),
      });
      setInvitedAt(r.createdAt);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card
      title={t(`${who.zh}在本人手机上办理的部分`, `What the ${who.en.toLowerCase()} does on their own phone`)}
      style={{ marginTop: 8 }}
      data-testid="other-parent"
    >
      {signer && (
        <p data-testid="co-signer-status">
          {signer.signedAt ? (
            <Tag color="success">
              <CheckCircleFill aria-hidden />{' '}
              {t(
                `${who.zh}已签名（${formatTime(signer.signedAt)}）`,
                `${who.en} signed (${formatTime(signer.signedAt)})`,
              )}
            </Tag>
          ) : (
            <Tag color="warning">
              {t(`等待${who.zh}签名`, `Waiting for the ${who.en.toLowerCase()} to sign`)}
            </Tag>
          )}
        </p>
      )}
      {faceMissing && (
        <p>
          <Tag color="warning">
            {t(`等待${who.zh}完成人脸识别`, `Waiting for the ${who.en.toLowerCase()}'s face verification`)}
          </Tag>
        </p>
      )}
      {todo.length > 0 && (
        <>
          <p className="muted">
            {invitedAt
              ? t(
                  `已于 ${formatTime(invitedAt)} 邀请，${signer?.name ?? who.zh}登录后在首页处理。`,
                  `Invited ${formatTime(invitedAt)}; they open it from their home page after logging in.`,
                )
              : t(
                  `请邀请${signer?.name ?? who.zh}用本人账号登录完成。`,
                  `Invite ${signer?.name ?? `the ${who.en.toLowerCase()}`} to do it in their own login.`,
                )}
          </p>
          <Button block onClick={() => void invite()} data-testid="invite-other-parent">
            {invitedAt
              ? t('再次发送邀请', 'Send the invitation again')
              : t(`邀请${who.zh}`, `Invite the ${who.en.toLowerCase()}`)}
          </Button>
        </>
      )}
      <ApiErrorNotice error={error} />
    </Card>
  );
}

import { Button, Card, Result } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, type ApiError } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { PhotoInput } from '../components/PhotoInput.tsx';
import { SignaturePad } from '../components/SignaturePad.tsx';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import { ROLE_LABELS } from '../status.ts';
import type { Invitation } from '../types.ts';

/**
 * The other parent's part, in their own login: open the form the applicant prepared, sign it, and
 * verify their own face, as the region asks (Gansu and Sichuan: both sign; Zibo: both faces).
 */
export function InvitationPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams() as { id: string };
  const list = useApi<Invitation[]>('/api/citizen/invitations');
  const [signature, setSignature] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (!list.data) return <Loading />;
  const invitation = list.data.find((i) => i.id === id);
  const open = invitation?.open.filter((x) => !done.includes(x)) ?? [];
  if (!invitation || !open.length) {
    return (
      <Result
        status="success"
        title={t('已完成，谢谢', 'All done, thank you')}
        description={t('对方现在可以提交申请。', 'The application can now be submitted.')}
        data-testid="invitation-done"
      />
    );
  }
  const from = ROLE_LABELS[invitation.from];
  const run = async (task: string, call: () => Promise<unknown>) => {
    try {
      setError(null);
      await call();
      setDone((d) => [...d, task]);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const openPdf = () =>
    void run('view', async () =>
      window.open(URL.createObjectURL(await api.blob(`/api/citizen/invitations/${id}/form.pdf`))),
    );
  return (
    <Card
      title={t(
        `为${invitation.babyName || '宝宝'}的申请`,
        `For ${invitation.babyName || 'the baby'}'s application`,
      )}
    >
      <p>
        {t(
          `宝宝的${from.zh}已填好申请，请您在本人账号中完成以下事项。`,
          `The baby's ${from.en.toLowerCase()} has filled in the application; please do the following in your own login.`,
        )}
      </p>
      {open.includes('sign') && (
        <>
          <Button block onClick={openPdf} data-testid="invitation-form">
            {t('查看要签署的申请表', 'View the form to sign')}
          </Button>
          <p>
            {t(
              '本人承诺所填信息真实有效，如有虚假愿承担相应责任。',
              'I declare that the information is true and accept responsibility for any falsehood.',
            )}
          </p>
          <SignaturePad label={t('本人签名', 'Your signature')} onChange={setSignature} />
          <Button
            block
            color="primary"
            disabled={!signature}
            style={{ marginTop: 8 }}
            onClick={() =>
              void run('sign', () => api.post(`/api/citizen/invitations/${id}/signature`, { signature }))
            }
            data-testid="co-sign"
          >
            {t('签名确认', 'Sign')}
          </Button>
        </>
      )}
      {open.includes('face') && (
        <div style={{ marginTop: 12 }} data-testid="invitation-face">
          <p>{t('人脸识别：请拍摄本人正面照片', 'Face verification: take a photo of your face')}</p>
          <PhotoInput
            label={t('拍摄本人人脸照片', 'Take a photo of your face')}
            as="png"
            capture="user"
            onFile={(photo) =>
              run('face', () =>
                api.post('/api/citizen/face-verifications', {
                  role: invitation.from === 'mother' ? 'father' : 'mother',
                  photo,
                }),
              )
            }
          />
        </div>
      )}
      {open.includes('confirm') && (
        <Button
          block
          color="primary"
          style={{ marginTop: 12 }}
          onClick={() => navigate('/confirm')}
          data-testid="invitation-confirm"
        >
          {t('人脸识别并确认', 'Verify my face and confirm')}
        </Button>
      )}
      <ApiErrorNotice error={error} />
    </Card>
  );
}

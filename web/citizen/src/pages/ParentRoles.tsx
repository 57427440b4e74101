import { Button, Card, Input, List, Result } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { PhotoInput } from '../components/PhotoInput.tsx';
import { SignaturePad } from '../components/SignaturePad.tsx';
import { useApi } from '../hooks.ts';
import { maskId } from '../components/MaskedId.tsx';
import { useT } from '../i18n.tsx';
import type { Me } from '../types.ts';

/** Fujian (003 附件2 一(三)): the mother signs the authorization letter in her own login. */
export function Authorize() {
  const t = useT();
  const navigate = useNavigate();
  const me = useApi<Me>('/api/citizen/me');
  const [png, setPng] = useState<string | null>(null);
  const [grantee, setGrantee] = useState({ name: '', idNumber: '', phone: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  if (!me.data) return <Loading />;
  if (done)
    return (
      <Result
        status="success"
        title={t('授权委托书已签署', 'Authorization signed')}
        description={t('配偶现在可以在他的账号中申请。', 'Your husband can now apply in his own login.')}
      />
    );
  const sign = async () => {
    try {
      await api.post('/api/citizen/authorizations', { signature: png, grantee });
      setDone(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('授权委托书', 'Authorization letter')}>
      <p>
        {t(
          `委托人 ${me.data.person.name}（身份证号 ${maskId(me.data.person.idNumber)}）。请填写受委托人（暂时仅限新生儿父亲）：`,
          `Grantor: ${me.data.person.name} (ID ${maskId(me.data.person.idNumber)}). Type the person you authorize (for now, only the baby's father):`,
        )}
      </p>
      {/* 003 附件3: the grantee's fields are "用户填写", typed by the mother, never prefilled. */}
      <List>
        {(
          [
            ['name', t('受委托人姓名', "Grantee's name"), 'text'],
            ['idNumber', t('受委托人身份证号', "Grantee's ID number"), 'text'],
            ['phone', t('受委托人联系电话', "Grantee's phone"), 'tel'],
          ] as const
        ).map(([key, label, type]) => (
          <List.Item key={key} title={label}>
            <Input
              type={type}
              value={grantee[key]}
              data-testid={`grantee-${key}`}
              aria-label={label}
              onChange={(v) => setGrantee((g) => ({ ...g, [key]: v.trim() }))}
            />
          </List.Item>
        ))}
      </List>
      <p>
        {t(
          '特授权受委托人办理新生儿的出生医学证明业务及委托人的生育保险待遇核准支付业务。受委托人在委托权限内代理委托人所造成的法律结果，委托人均予以承认。',
          "The grantee is authorized to handle the baby's birth certificate and the grantor's maternity benefit; the grantor accepts the legal results of what the grantee does within this authority.",
        )}
      </p>
      <SignaturePad label={t('授权人签名', "Grantor's signature")} onChange={setPng} />
      <ApiErrorNotice error={error} />
      <Button
        block
        color="primary"
        disabled={!png || !grantee.name || !grantee.idNumber || !grantee.phone}
        onClick={() => void sign()}
        style={{ marginTop: 12 }}
        data-testid="sign-authorization"
      >
        {t('签署授权', 'Sign')}
      </Button>
      <Button block fill="none" onClick={() => navigate('/')}>
        {t('返回首页', 'Home')}
      </Button>
    </Card>
  );
}

/** Anhui (004 附件2 二 1): the father confirms in his own login, after face verification. */
export function Confirm() {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <Result
        status="success"
        title={t('已确认', 'Confirmed')}
        description={t('母亲现在可以提交申请。', 'The mother can now submit the application.')}
      />
    );
  const confirm = async (dataUrl: string) => {
    try {
      setError(null);
      await api.post('/api/citizen/confirmations', { face: dataUrl });
      setDone(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('人脸识别确认', 'Confirm with face verification')}>
      <p className="muted">
        {t(
          '请拍摄本人正面照片，与身份证照片比对。',
          'Take a photo of your face; it is compared with your ID card photo.',
        )}
      </p>
      <PhotoInput label={t('拍摄人脸照片', 'Take a face photo')} as="png" capture="user" onFile={confirm} />
      <ApiErrorNotice error={error} />
    </Card>
  );
}

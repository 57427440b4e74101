import { Button, Card, List, Result } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, type ApiError } from '../../api.ts';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { SignaturePad } from '../../components/SignaturePad.tsx';
import { useT } from '../../i18n.tsx';
import type { Preview } from '../../types.ts';
import { applicationOf, type Draft } from './draft.ts';

interface Receipt {
  caseId: string;
  submittedAt: string;
  formDigest: string;
  verifyUrl: string;
  qrSvg: string;
}

/**
 * Review the generated form (a PDF with Chinese text), sign it by hand, submit. The signature is
 * bound to the digest of exactly this form: if anything changes, the server refuses it.
 */
export function SignStep({
  region,
  draft,
  preview,
  onBack,
}: {
  region: string;
  draft: Draft;
  preview: Preview;
  onBack: (step: number) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [others, setOthers] = useState<Record<string, string | null>>({});
  const allSigned = !!signature && preview.coSigners.every((r) => others[r]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // One id per application attempt: pressing submit twice cannot make two cases.
  const clientTxnId = useRef(`web-${crypto.randomUUID()}`);

  const showPdf = async () => {
    try {
      const blob = await api.blob('/api/citizen/application-form.pdf', {
        region,
        application: applicationOf(draft),
      });
      setPdfUrl(URL.createObjectURL(blob));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ accepted: boolean; caseId?: string }>('/api/citizen/cases', {
        region,
        clientTxnId: clientTxnId.current,
        application: {
          ...applicationOf(draft),
          signature: {
            formDigest: preview.formDigest,
            imagePng: signature,
            others: preview.coSigners.map((role) => ({ role, imagePng: others[role] })),
          },
        },
      });
      if (r.accepted && r.caseId)
        setReceipt(await api.get<Receipt>(`/api/citizen/cases/${r.caseId}/receipt`));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('申请已提交', 'Application submitted')}
          description={t(`办件编号 ${receipt.caseId}`, `Case number ${receipt.caseId}`)}
        />
        <p data-testid="case-id" style={{ textAlign: 'center', fontSize: 18 }}>
          {receipt.caseId}
        </p>
        <div
          role="img"
          aria-label={t('回执二维码，扫码可核验回执真伪', 'Receipt QR code; scan it to verify the receipt')}
          style={{ width: 180, margin: '0 auto' }}
          dangerouslySetInnerHTML={{ __html: receipt.qrSvg }}
          data-testid="receipt-qr"
        />
        <p className="muted" style={{ wordBreak: 'break-all' }}>
          {t('表单摘要', 'Form digest')} {receipt.formDigest}
        </p>
        <p>
          <a href={receipt.verifyUrl} target="_blank" rel="noreferrer">
            {t('核验回执', 'Verify the receipt')}
          </a>
        </p>
        <Button
          block
          color="primary"
          onClick={() => navigate(`/cases/${receipt.caseId}`)}
          data-testid="go-case"
        >
          {t('查看办理进度', 'Follow the case')}
        </Button>
      </Card>
    );
  }

  return (
    <>
      {preview.missing.length > 0 && (
        <Card title={t('还需补充', 'Still needed')}>
          <List>
            {preview.missing.map((m) => (
              <List.Item
                key={m.field}
                onClick={() => onBack(m.field.startsWith('uploads') || m.field.startsWith('faces') ? 4 : 3)}
                arrow
              >
                <span role="alert">{t(m.message)}</span>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      <Card title={t('核对申请表', 'Review the form')} style={{ marginTop: 8 }}>
        <Button block onClick={() => void showPdf()} data-testid="show-pdf">
          {t('生成并查看申请表（PDF）', 'Generate and view the form (PDF)')}
        </Button>
        {pdfUrl && (
          <p>
            <a
              href={pdfUrl}
              target="_blank"
              rel="noreferrer"
              download="application-form.pdf"
              data-testid="pdf-link"
            >
              {t('打开申请表 PDF', 'Open the form PDF')}
            </a>
          </p>
        )}
        <p className="muted" style={{ wordBreak: 'break-all' }}>
          {t('表单摘要（签名绑定此摘要）', 'Form digest (your signature is bound to it)')}:{' '}
          {preview.formDigest}
        </p>
      </Card>
      <Card title={t('承诺并签名', 'Declare and sign')} style={{ marginTop: 8 }}>
        <p>
          {t(
            '本人承诺所填信息真实有效，如有虚假愿承担相应责任。',
            'I declare that the information is true and accept responsibility for any falsehood.',
          )}
        </p>
        <SignaturePad label={t('申请人签名', "Applicant's signature")} onChange={setSignature} />
        {preview.coSigners.map((role) => (
          <div key={role} style={{ marginTop: 12 }}>
            <p>
              {role === 'mother'
                ? t('本地区申请表需母亲一同签名：', "This region's form is also signed by the mother:")
                : t('本地区申请表需父亲一同签名：', "This region's form is also signed by the father:")}
            </p>
            <SignaturePad
              label={
                role === 'mother' ? t('母亲签名', "Mother's signature") : t('父亲签名', "Father's signature")
              }
              onChange={(png) => setOthers((o) => ({ ...o, [role]: png }))}
            />
          </div>
        ))}
      </Card>
      <ApiErrorNotice error={error} />
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 12 }}
        disabled={!allSigned || preview.missing.length > 0 || !preview.formDigest || busy}
        loading={busy}
        onClick={() => void submit()}
        data-testid="submit"
      >
        {t('提交申请', 'Submit')}
      </Button>
    </>
  );
}

import { Button, Card, List } from 'antd-mobile';
import { useRef, useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { SignaturePad } from '../../components/SignaturePad.tsx';
import { useT } from '../../i18n.tsx';
import type { Preview, SubmitResult } from '../../types.ts';
import { applicationOf, type Draft } from './draft.ts';
import { OtherParent } from './OtherParent.tsx';

/**
 * Review the generated form (a PDF with Chinese text), sign it by hand, submit. The signature is
 * bound to the digest of exactly this form: if anything changes, the server refuses it. Where the
 * other parent signs too, they sign the same form in their own login.
 */
export function SignStep({
  region,
  draft,
  preview,
  reviewing,
  onBack,
  onSubmitted,
  onChange,
}: {
  region: string;
  draft: Draft;
  preview: Preview;
  /** The preview is being brought up to date with the draft: its form digest may be a moment old. */
  reviewing: boolean;
  onBack: (step: number) => void;
  onSubmitted: (caseId: string) => void;
  onChange: () => void;
}) {
  const t = useT();
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
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
      const r = await api.post<SubmitResult>('/api/citizen/cases', {
        region,
        clientTxnId: clientTxnId.current,
        application: {
          ...applicationOf(draft),
          signature: { formDigest: preview.formDigest, imagePng: signature },
        },
      });
      if (r.accepted) onSubmitted(r.caseId);
      else onChange();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const stillNeeded = preview.missing.filter((m) => m.field !== 'signature.others');

  return (
    <>
      {stillNeeded.length > 0 && (
        <Card title={t('还需补充', 'Still needed')}>
          <List>
            {stillNeeded.map((m) => (
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
          {t('生成并查看申请表', 'Generate and view the form')}
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
              {t('打开申请表', 'Open the form')}
            </a>
          </p>
        )}
      </Card>
      <OtherParent
        region={region}
        applicant={draft.applicantRole}
        draft={draft}
        preview={preview}
        onChange={onChange}
      />
      <Card title={t('承诺并签名', 'Declare and sign')} style={{ marginTop: 8 }}>
        <p>
          {t(
            '本人承诺所填信息真实有效，如有虚假愿承担相应责任。',
            'I declare that the information is true and accept responsibility for any falsehood.',
          )}
        </p>
        <SignaturePad label={t('申请人签名', "Applicant's signature")} onChange={setSignature} />
      </Card>
      <ApiErrorNotice error={error} />
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 12 }}
        disabled={!signature || preview.missing.length > 0 || !preview.formDigest || reviewing || busy}
        loading={busy}
        onClick={() => void submit()}
        data-testid="submit"
      >
        {t('提交申请', 'Submit')}
      </Button>
    </>
  );
}

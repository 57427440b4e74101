import { Button, Card, Collapse, Result } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import type { Receipt as ReceiptData } from '../../../../src/contract/citizen.ts';

/**
 * 收件回执, after submitting. It replaced the application in the browser's history, so there is no
 * step back into a submitted form; what follows is the case.
 */
export function Receipt() {
  const t = useT();
  const navigate = useNavigate();
  const { caseId } = useParams() as { caseId: string };
  const r = useApi<ReceiptData>(`/api/citizen/cases/${caseId}/receipt`);
  if (r.error) return <ApiErrorNotice error={r.error} />;
  if (!r.data) return <Loading />;
  return (
    <Card>
      <Result
        status="success"
        title={t('申请已提交', 'Application submitted')}
        description={t(
          `提交于 ${formatTime(r.data.submittedAt)}`,
          `Submitted ${formatTime(r.data.submittedAt)}`,
        )}
      />
      <p style={{ textAlign: 'center' }}>
        {t('办件编号', 'Case number')}{' '}
        <strong data-testid="case-id" style={{ fontSize: 18 }}>
          {r.data.caseId}
        </strong>
      </p>
      <div
        role="img"
        aria-label={t('回执二维码，扫码可核验回执真伪', 'Receipt QR code; scan it to verify the receipt')}
        style={{ width: 180, margin: '0 auto' }}
        dangerouslySetInnerHTML={{ __html: r.data.qrSvg }}
        data-testid="receipt-qr"
      />
      <p style={{ textAlign: 'center' }}>
        <a href={r.data.verifyUrl} target="_blank" rel="noreferrer">
          {t('核验回执', 'Verify the receipt')}
        </a>
      </p>
      <Collapse>
        <Collapse.Panel key="digest" title={t('技术细节', 'Technical details')}>
          <p className="muted" style={{ wordBreak: 'break-all' }} data-testid="form-digest">
            {t('签名所绑定的申请表摘要', 'Digest of the signed form')}: {r.data.formDigest}
          </p>
        </Collapse.Panel>
      </Collapse>
      <Button
        block
        color="primary"
        onClick={() => navigate(`/cases/${r.data!.caseId}`, { replace: true })}
        data-testid="go-case"
      >
        {t('查看办理进度', 'Follow the case')}
      </Button>
    </Card>
  );
}

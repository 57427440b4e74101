import { Card, List, Tag } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { fileOf, api, type ApiError } from '../../api.ts';
import { Clause } from '../../components/Clause.tsx';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { PhotoInput } from '../../components/PhotoInput.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { useT } from '../../i18n.tsx';
import type { Me, Policy, Preview, Role, StoredUpload } from '../../types.ts';
import type { Draft } from './draft.ts';
import { OtherParent } from './OtherParent.tsx';

/**
 * Materials: the shared data supplies most (免交); only what it cannot is uploaded, and what cannot
 * exist yet is asked for later, on the item. Each parent verifies their own face, in their own login.
 */
export function MaterialsStep({
  policy,
  me,
  region,
  draft,
  update,
  preview,
  onChange,
  onSending,
}: {
  policy: Policy;
  me: Me;
  region: string;
  draft: Draft;
  update: (c: (d: Draft) => void) => void;
  preview: Preview;
  onChange: () => void;
  /** Told when a file starts on its way to the server, and when it has arrived, been refused or failed. */
  onSending: (sending: boolean) => void;
}) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const own: Role = draft.applicantRole;
  const faceNeeded = preview.missing.some((m) => m.field === `faces.${own}`);
  const [verified, setVerified] = useState(false);
  const faceDone =
    verified || (me.facesVerified.includes(own) && policy.applicants.faceVerification.includes(own));
  const upload = (material: string) => async (dataUrl: string) => {
    try {
      setError(null);
      const r = await api.post<StoredUpload>(`/api/citizen/uploads/${material}`, fileOf(dataUrl));
      update((d) => {
        d.uploads[material] = r.uploadId;
      });
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const verify = async (dataUrl: string) => {
    try {
      setError(null);
      await api.post('/api/citizen/face-verifications', { role: own, photo: dataUrl });
      setVerified(true);
      onChange();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <>
      <Card title={t('材料', 'Materials')}>
        <List>
          {preview.evaluation.materials.map((m) => (
            <List.Item key={m.id} description={<Clause policy={policy} citation={m.citation} />}>
              <div className="row">
                <span>{t(m.name)}</span>
                {m.source === 'shared-data' ? (
                  <SourceBadge source="shared-data" />
                ) : m.source === 'upload-later' ? (
                  <Tag color="default">{t('稍后上传', 'Later')}</Tag>
                ) : draft.uploads[m.id] ? (
                  <Tag color="success">
                    <CheckCircleFill aria-hidden /> {t('已上传', 'Uploaded')}
                  </Tag>
                ) : (
                  <Tag color="warning">{t('需上传', 'Upload needed')}</Tag>
                )}
              </div>
              {m.source === 'shared-data' && (
                <div className="muted">
                  {t('免交：由共享数据提供', 'Nothing to upload: the shared data supplies it')}
                </div>
              )}
              {m.source === 'upload-later' && (
                <div className="muted">
                  {t(
                    '办理到该事项时再上传，届时会通知您',
                    'You upload it when the item starts; you will be told',
                  )}
                </div>
              )}
              {m.source === 'upload' && (
                <div data-testid={`upload-${m.id}`} style={{ marginTop: 6 }}>
                  <PhotoInput
                    label={t(`拍照或选择文件：${m.name.zh}`, `Photo or file: ${m.name.en}`)}
                    capture="environment"
                    onFile={upload(m.id)}
                    onBusy={onSending}
                  />
                </div>
              )}
            </List.Item>
          ))}
          {preview.evaluation.materials.length === 0 && (
            <List.Item>{t('无需提交材料', 'No materials are needed')}</List.Item>
          )}
        </List>
      </Card>
      {(faceNeeded || faceDone) && (
        <Card title={t('人脸识别', 'Face verification')} style={{ marginTop: 8 }}>
          <Clause policy={policy} citation={policy.applicants.citation} />
          <div data-testid={`face-${own}`} style={{ marginTop: 8 }}>
            {faceNeeded && !verified ? (
              <PhotoInput
                label={t('拍摄本人人脸照片', 'Take a photo of your face')}
                as="png"
                capture="user"
                onFile={verify}
                onBusy={onSending}
              />
            ) : (
              <Tag color="success">
                <CheckCircleFill aria-hidden /> {t('本人已通过', 'You are verified')}
              </Tag>
            )}
          </div>
        </Card>
      )}
      <OtherParent region={region} applicant={own} draft={draft} preview={preview} onChange={onChange} />
      <ApiErrorNotice error={error} />
    </>
  );
}

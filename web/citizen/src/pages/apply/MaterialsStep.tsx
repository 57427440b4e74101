import { Card, List, Tag } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { Clause } from '../../components/Clause.tsx';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { PhotoInput } from '../../components/PhotoInput.tsx';
import { SourceBadge } from '../../components/SourceBadge.tsx';
import { useT } from '../../i18n.tsx';
import type { Policy, Preview, Role } from '../../types.ts';
import type { Draft } from './draft.ts';

/**
 * Materials: the shared data supplies most (免交); only what it cannot is uploaded. Face checks the
 * region asks for are taken here too.
 */
export function MaterialsStep({
  policy,
  draft,
  update,
  preview,
  onVerified,
}: {
  policy: Policy;
  draft: Draft;
  update: (c: (d: Draft) => void) => void;
  preview: Preview;
  onVerified: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [verified, setVerified] = useState<Role[]>([]);
  const materials = preview.evaluation.materials;
  const faces = preview.missing
    .filter((m) => m.field.startsWith('faces.'))
    .map((m) => m.field.slice(6) as Role);
  const upload = (material: string) => async (dataUrl: string) => {
    try {
      setError(null);
      const r = await api.post<{ uploadId: string }>('/api/citizen/uploads', { material, dataUrl });
      update((d) => {
        d.uploads[material] = r.uploadId;
      });
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const verify = (role: Role) => async (dataUrl: string) => {
    try {
      setError(null);
      await api.post('/api/citizen/face-verifications', { role, photo: dataUrl });
      setVerified((v) => [...v, role]);
      onVerified();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <>
      <Card title={t('材料', 'Materials')}>
        <List>
          {materials.map((m) => (
            <List.Item key={m.id} description={<Clause policy={policy} citation={m.citation} />}>
              <div className="row">
                <span>{t(m.name)}</span>
                {m.source === 'shared-data' ? (
                  <SourceBadge source="shared-data" />
                ) : draft.uploads[m.id] ? (
                  <Tag color="success">
                    <CheckCircleFill aria-hidden /> {t('已上传', 'Uploaded')}
                  </Tag>
                ) : (
                  <Tag color="warning">{t('需上传', 'Upload needed')}</Tag>
                )}
              </div>
              {m.source === 'shared-data' ? (
                <div className="muted">
                  {t('免交：由共享数据提供', 'Nothing to upload: the shared data supplies it')}
                </div>
              ) : (
                <div data-testid={`upload-${m.id}`} style={{ marginTop: 6 }}>
                  <PhotoInput
                    label={t(`拍照或选择文件：${m.name.zh}`, `Photo or file: ${m.name.en}`)}
                    capture="environment"
                    onFile={upload(m.id)}
                  />
                </div>
              )}
            </List.Item>
          ))}
          {materials.length === 0 && <List.Item>{t('无需提交材料', 'No materials are needed')}</List.Item>}
        </List>
      </Card>
      {(faces.length > 0 || verified.length > 0) && (
        <Card title={t('人脸识别', 'Face verification')} style={{ marginTop: 8 }}>
          <Clause policy={policy} citation={policy.applicants.citation} />
          {[...new Set([...faces, ...verified])].map((role) => (
            <div key={role} data-testid={`face-${role}`} style={{ marginTop: 8 }}>
              {verified.includes(role) ? (
                <Tag color="success">
                  <CheckCircleFill aria-hidden />{' '}
                  {role === 'mother'
                    ? t('母亲已通过', 'Mother verified')
                    : t('父亲已通过', 'Father verified')}
                </Tag>
              ) : (
                <PhotoInput
                  label={
                    role === 'mother'
                      ? t('拍摄母亲人脸照片', "Take the mother's face photo")
                      : t('拍摄父亲人脸照片', "Take the father's face photo")
                  }
                  as="png"
                  capture="user"
                  onFile={verify(role)}
                />
              )}
            </div>
          ))}
        </Card>
      )}
      <ApiErrorNotice error={error} />
    </>
  );
}

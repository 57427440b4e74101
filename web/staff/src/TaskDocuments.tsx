import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../citizen/src/api.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import type { Task } from '../../../src/contract/staff.ts';
import { PdfView } from './PdfView.tsx';

type TaskDocument = Task['documents'][number];

/**
 * The signed form and the uploads, opened in the page (a clerk should not hunt through a downloads
 * folder for a family's papers). Each opening is recorded by the server for the family.
 */
export function TaskDocuments({ path, documents }: { path: string; documents: TaskDocument[] }) {
  const t = useT();
  const [shown, setShown] = useState<{ id: string; blob: Blob; url: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => () => void (shown && URL.revokeObjectURL(shown.url)), [shown]);
  const open = async (d: TaskDocument) => {
    try {
      setError(null);
      const blob = await api.blob(`${path}/documents/${encodeURIComponent(d.id)}`);
      setShown({ id: d.id, blob, url: URL.createObjectURL(blob) });
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('申请表与材料', 'The form and the materials')} data-testid="task-documents">
      <Space wrap style={{ marginBottom: 12 }}>
        {documents.map((d) => (
          <Button
            key={d.id}
            type={shown?.id === d.id ? 'primary' : 'default'}
            data-testid={`document-${d.kind}`}
            onClick={() => void open(d)}
          >
            {t(d.name)}
          </Button>
        ))}
      </Space>
      {error && <Alert type="error" message={t(error.text)} />}
      {shown &&
        (shown.blob.type === 'application/pdf' ? (
          <PdfView blob={shown.blob} url={shown.url} />
        ) : (
          <img src={shown.url} alt="" style={{ maxWidth: '100%' }} data-testid="document-view" />
        ))}
    </Card>
  );
}

import { Card, List, Tag } from 'antd-mobile';
import { useParams } from 'react-router-dom';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import { DEPARTMENT } from '../status.ts';

/** Which department received which of the family's fields: names only, never the values. */
export function SharedFields() {
  const t = useT();
  const { caseId } = useParams() as { caseId: string };
  const rows = useApi<{ department: string; item: string; fields: string[] }[]>(
    `/api/citizen/cases/${caseId}/shared-fields`,
  );
  if (rows.error) return <ApiErrorNotice error={rows.error} />;
  if (!rows.data) return <Loading />;
  return (
    <Card title={t('各部门收到的信息', 'What each department received')}>
      <List>
        {rows.data.map((r, i) => (
          <List.Item key={i} description={r.item} data-testid="shared-fields-row">
            <strong>{t(DEPARTMENT[r.department] ?? { zh: r.department, en: r.department })}</strong>
            <div>
              {r.fields.map((f) => (
                <Tag key={f} fill="outline" style={{ margin: 2 }}>
                  {f}
                </Tag>
              ))}
            </div>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

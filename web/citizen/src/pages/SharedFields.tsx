import { Card, List, Tag } from 'antd-mobile';
import { useParams } from 'react-router-dom';
import { fieldLabel } from '../../../../src/domain/labels.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { useApi, usePolicy } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import { DEPARTMENT_LABELS } from '../status.ts';
import type { CaseState, SharedFields as Shared } from '../types.ts';

/**
 * Which department received which of the family's fields, by name only, never the values: each
 * department once, with the items it handles and the fields it got, in words.
 */
export function SharedFields() {
  const t = useT();
  const { caseId } = useParams() as { caseId: string };
  const rows = useApi<Shared>(`/api/citizen/cases/${caseId}/shared-fields`);
  const c = useApi<CaseState>(`/api/citizen/cases/${caseId}`);
  const policy = usePolicy(c.data?.region);
  if (rows.error) return <ApiErrorNotice error={rows.error} />;
  if (!rows.data || !policy) return <Loading />;
  const departments = [...new Set(rows.data.map((r) => r.department))];
  return (
    <Card title={t('各部门收到的信息', 'What each department received')}>
      <p className="muted">
        {t('只列出字段名称，不显示内容。', 'Only the names of the fields are listed, never their contents.')}
      </p>
      <List>
        {departments.map((d) => {
          const own = rows.data!.filter((r) => r.department === d);
          const items = [...new Set(own.map((r) => r.item))].map((i) =>
            t(policy.items.find((x) => x.id === i)?.name ?? { zh: '', en: '' }),
          );
          const labels = [
            ...new Set(
              own
                .flatMap((r) => r.fields)
                .map((f) => fieldLabel(f))
                .filter((l) => l !== null)
                .map((l) => t(l)),
            ),
          ];
          return (
            <List.Item key={d} description={items.join('、')} data-testid="shared-fields-row">
              <strong>
                {t(
                  DEPARTMENT_LABELS[d as keyof typeof DEPARTMENT_LABELS] ?? { zh: '部门', en: 'Department' },
                )}
              </strong>
              <div>
                {labels.map((l) => (
                  <Tag key={l} fill="outline" style={{ margin: 2 }}>
                    {l}
                  </Tag>
                ))}
              </div>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}

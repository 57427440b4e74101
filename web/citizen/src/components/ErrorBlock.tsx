import { ErrorBlock as Block } from 'antd-mobile';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api.ts';
import { useT } from '../i18n.tsx';

/**
 * An API error as the parent reads it: the bilingual message, which names the field. A second
 * application for a baby links to the case the baby already has.
 */
export function ApiErrorNotice({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  const existing = typeof error.details.existingCaseId === 'string' ? error.details.existingCaseId : null;
  return (
    <div role="alert" style={{ color: '#b00020', margin: '8px 0' }} data-testid="api-error">
      {t(error.text)}
      {existing && (
        <div style={{ marginTop: 6 }}>
          <Link to={`/cases/${existing}`} data-testid="existing-case">
            {t('查看这个办件', 'Open that case')}
          </Link>
        </div>
      )}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return <Block status="busy" title={t('加载中', 'Loading')} description="" />;
}

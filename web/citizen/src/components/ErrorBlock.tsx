import { ErrorBlock as Block } from 'antd-mobile';
import type { ApiError } from '../api.ts';
import { useT } from '../i18n.tsx';

/** An API error as the parent reads it: the bilingual message, which names the field. */
export function ApiErrorNotice({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <div role="alert" style={{ color: '#b00020', margin: '8px 0' }}>
      {t(error.text)}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return <Block status="busy" title={t('加载中', 'Loading')} description="" />;
}

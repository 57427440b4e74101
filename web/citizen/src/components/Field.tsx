import { List } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useT, type Bilingual } from '../i18n.tsx';
import { SourceBadge, type Source } from './SourceBadge.tsx';

/** One line of the form: its label, the value, and where the value came from. */
export function Field({
  label,
  source,
  children,
  error,
}: {
  label: string;
  source: Source;
  children: ReactNode;
  error?: Bilingual | null;
}) {
  const t = useT();
  return (
    <List.Item
      description={
        error ? (
          <span role="alert" style={{ color: '#b00020' }}>
            {t(error)}
          </span>
        ) : undefined
      }
    >
      <div className="row">
        <span>{label}</span>
        <SourceBadge source={source} />
      </div>
      <div className="value" style={{ marginTop: 4 }}>
        {children}
      </div>
    </List.Item>
  );
}

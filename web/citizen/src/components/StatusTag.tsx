import { Tag } from 'antd-mobile';
import { useT } from '../i18n.tsx';
import { CASE_STATUS, ITEM_STATUS } from '../status.ts';

/** A case's or an item's status, in its colour, as a word. */
export function StatusTag({
  kind,
  status,
  testId,
}: {
  kind: 'case' | 'item';
  status: string;
  testId?: string;
}) {
  const t = useT();
  const s = (kind === 'case' ? CASE_STATUS : ITEM_STATUS)[status]!;
  const style = {
    '--background-color': s.color,
    '--border-color': s.color,
    '--text-color': '#fff',
  } as React.CSSProperties;
  return (
    <Tag style={style} data-testid={testId}>
      {t(s.text)}
    </Tag>
  );
}

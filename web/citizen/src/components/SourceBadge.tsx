import { Tag } from 'antd-mobile';
import { useT } from '../i18n.tsx';

/** Where a field's value came from, shown on every field of the form. */
const SOURCES = {
  identity: { zh: '实名认证', en: 'Verified login', color: 'primary' },
  'delivery-record': { zh: '医院分娩信息', en: 'Hospital delivery record', color: 'success' },
  'hukou-registry': { zh: '户籍信息', en: 'Hukou registry', color: 'success' },
  'marriage-registry': { zh: '婚姻登记', en: 'Marriage registry', color: 'success' },
  'e-license': { zh: '电子证照', en: 'E-licence', color: 'success' },
  'shared-data': { zh: '共享数据', en: 'Shared data', color: 'success' },
  platform: { zh: '系统生成', en: 'Computed', color: 'default' },
  typed: { zh: '您填写', en: 'You typed', color: 'warning' },
  chosen: { zh: '您选择', en: 'Your choice', color: 'warning' },
} as const;
export type Source = keyof typeof SOURCES;

export function SourceBadge({ source }: { source: Source }) {
  const t = useT();
  const s = SOURCES[source];
  return (
    <Tag color={s.color} fill="outline" data-source={source}>
      {t(s.zh, s.en)}
    </Tag>
  );
}

import { Collapse, List } from 'antd-mobile';
import { HOTLINE_TOPIC_LABELS } from '../status.ts';
import { useT } from '../i18n.tsx';
import type { Policy } from '../types.ts';

/** The region's hotlines, grouped by what one would call about, folded, each a tap to call. */
export function Hotlines({ policy }: { policy: Policy }) {
  const t = useT();
  if (!policy.hotlines.length) return null;
  const topics = Object.keys(HOTLINE_TOPIC_LABELS).filter((k) => policy.hotlines.some((h) => h.topic === k));
  return (
    <Collapse data-testid="hotlines">
      {topics.map((topic) => (
        <Collapse.Panel key={topic} title={t(HOTLINE_TOPIC_LABELS[topic]!)}>
          <List>
            {policy.hotlines
              .filter((h) => h.topic === topic)
              .map((h) => (
                <List.Item key={`${h.name.zh}${h.number}`} extra={<Phones number={h.number} />}>
                  {t(h.name)}
                </List.Item>
              ))}
          </List>
        </Collapse.Panel>
      ))}
    </Collapse>
  );
}

/** '0533-2881919 / 0533-2884299': each number its own link. */
function Phones({ number }: { number: string }) {
  return (
    <>
      {number.split('/').map((n) => (
        <a key={n} href={`tel:${n.trim().replace(/[^\d+]/g, '')}`} style={{ display: 'block' }}>
          {n.trim()}
        </a>
      ))}
    </>
  );
}

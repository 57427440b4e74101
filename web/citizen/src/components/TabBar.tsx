import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The tabs at the foot of the page, as links. antd-mobile's TabBar draws each tab as a `div` with a
 * click handler, which the keyboard cannot reach and a screen reader does not announce as a link;
 * these are real links, the current one marked `aria-current="page"`.
 */
export function TabBar({
  label,
  active,
  tabs,
}: {
  label: string;
  active: string;
  tabs: { to: string; icon: ReactNode; title: string; testId?: string }[];
}) {
  return (
    <nav className="tabbar" aria-label={label}>
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className={tab.to === active ? 'tabbar-item tabbar-item-active' : 'tabbar-item'}
          aria-current={tab.to === active ? 'page' : undefined}
          data-testid={tab.testId}
        >
          <span className="tabbar-item-icon" aria-hidden>
            {tab.icon}
          </span>
          <span className="tabbar-item-title">{tab.title}</span>
        </Link>
      ))}
    </nav>
  );
}

import { LeftOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';

/**
 * The bar at the top of every page: a way back, the title, and what goes on the right. In place of
 * antd-mobile's NavBar, whose back control is a `div role="button"` with its words hidden from
 * screen readers and out of the keyboard's reach (axe: aria-command-name, on every page). Here it is
 * a real button, named by its visible word; without a way back there is no control at all.
 */
export function NavBar({
  back,
  onBack,
  right,
  children,
}: {
  /** The back button's word ('返回'), or null on pages with no way back. */
  back: string | null;
  onBack: () => void;
  right?: ReactNode;
  children: ReactNode;
}) {
  return (
    <header className="nav-bar">
      <div className="nav-bar-side">
        {back !== null && (
          <button type="button" className="nav-bar-back" onClick={onBack}>
            <LeftOutline aria-hidden fontSize={24} />
            <span>{back}</span>
          </button>
        )}
      </div>
      <div className="nav-bar-title">{children}</div>
      <div className="nav-bar-side nav-bar-right">{right}</div>
    </header>
  );
}

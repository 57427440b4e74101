import { Button, NavBar, TabBar } from 'antd-mobile';
import { FileOutline, MessageOutline, UserOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { session } from './api.ts';
import { useLang, useT } from './i18n.tsx';

/** Pages with no way back: the start pages, and the receipt (the application is already submitted). */
const NO_BACK = [/^\/$/, /^\/login$/, /^\/receipt\//];

/** The frame of every page: title, the language switch, and the tabs once logged in. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = pathname.startsWith('/cases') ? '/cases' : pathname.startsWith('/inbox') ? '/inbox' : '/';
  const back = !NO_BACK.some((re) => re.test(pathname));
  return (
    <>
      <NavBar
        back={back ? t('返回', 'Back') : null}
        backArrow={back}
        onBack={() => navigate(-1)}
        right={
          <Button
            size="mini"
            fill="none"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
            data-testid="language-switch"
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </Button>
        }
      >
        <span role="heading" aria-level={1}>
          {t('新生儿出生“一件事”', 'Newborn one-thing service')}
        </span>
      </NavBar>
      <main className="page">{children}</main>
      {session.token && (
        <nav className="tabbar" aria-label={t('主导航', 'Main')}>
          <TabBar activeKey={tab} onChange={(key) => navigate(key)}>
            <TabBar.Item key="/" icon={<UserOutline />} title={t('首页', 'Home')} />
            <TabBar.Item key="/cases" icon={<FileOutline />} title={t('我的办件', 'My cases')} />
            <TabBar.Item key="/inbox" icon={<MessageOutline />} title={t('消息', 'Inbox')} />
          </TabBar>
        </nav>
      )}
    </>
  );
}

import { Button } from 'antd-mobile';
import { FileOutline, MessageOutline, UserOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { session } from './api.ts';
import { NavBar } from './components/NavBar.tsx';
import { TabBar } from './components/TabBar.tsx';
import { OtherLanguage, useLang, useT } from './i18n.tsx';

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
        onBack={() => navigate(-1)}
        right={
          <Button
            size="mini"
            fill="none"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="language-switch"
          >
            <OtherLanguage />
          </Button>
        }
      >
        <span role="heading" aria-level={1}>
          {t('新生儿出生“一件事”', 'Newborn one-thing service')}
        </span>
      </NavBar>
      <main className="page">{children}</main>
      {session.token && (
        <TabBar
          label={t('主导航', 'Main')}
          active={tab}
          tabs={[
            { to: '/', icon: <UserOutline />, title: t('首页', 'Home') },
            { to: '/cases', icon: <FileOutline />, title: t('我的办件', 'My cases') },
            { to: '/inbox', icon: <MessageOutline />, title: t('消息', 'Inbox') },
          ]}
        />
      )}
    </>
  );
}

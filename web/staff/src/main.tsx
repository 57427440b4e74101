import { ConfigProvider, Layout, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, Outlet, RouterProvider, useNavigate } from 'react-router-dom';
import { session } from '../../citizen/src/api.ts';
import { LangProvider, useLang, useT } from '../../citizen/src/i18n.tsx';
import { StaffLogin } from './StaffLogin.tsx';
import { Queue } from './Queue.tsx';
import { Task } from './Task.tsx';

/**
 * The department workbench: a clerk of a hospital, a police station or a county office works the
 * organisation's queue and decides tasks. It shares the parents' app's API client, words and labels.
 */
function Shell() {
  const t = useT();
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  if (!session.token) return <Navigate to="/login" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 16 }}>
          {t('新生儿出生“一件事” · 部门工作台', 'Newborn one-thing service · Department workbench')}
        </Typography.Text>
        <Space>
          <a
            style={{ color: '#fff' }}
            data-testid="language-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </a>
          <a
            style={{ color: '#fff' }}
            data-testid="logout"
            onClick={() => {
              session.token = null;
              navigate('/login');
            }}
          >
            {t('退出', 'Log out')}
          </a>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

const router = createHashRouter([
  { path: '/login', element: <StaffLogin /> },
  {
    element: <Shell />,
    children: [
      { path: '/', element: <Queue /> },
      { path: '/task/:caseId/:item', element: <Task /> },
    ],
  },
]);

function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);

import { ConfigProvider, Layout, Menu, Space, Typography, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createHashRouter,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
  useNavigate,
  type RouteObject,
} from 'react-router-dom';
import { useApi } from '../../citizen/src/hooks.ts';
import { session } from '../../citizen/src/api.ts';
import { LangProvider, useLang, useT } from '../../citizen/src/i18n.tsx';
import { AuthCallback } from '../../citizen/src/components/AuthCallback.tsx';
import { HeaderLinks } from './HeaderLinks.tsx';
import { StaffLogin } from './StaffLogin.tsx';
import { Queue, type Me } from './Queue.tsx';
import { Task } from './Task.tsx';
import { Tablet } from './Tablet.tsx';
import { Window } from './Window.tsx';
import { Counterfoil } from './Counterfoil.tsx';
import { CounterfoilBatch } from './CounterfoilBatch.tsx';
import { Inbox } from './Inbox.tsx';
import { SupervisionShell } from './supervision/Shell.tsx';
import { SupervisionLogin } from './supervision/Login.tsx';
import { SUPERVISION_PAGES } from './supervision/pages.tsx';

/**
 * The workbench's pages. `for` limits a page to the departments whose clerks do that work (the
 * joint window and the counterfoil batches are a hospital's); without it every clerk sees it.
 */
interface Page {
  path: string;
  label: { zh: string; en: string };
  element: React.ReactNode;
  for?: Me['organisation']['department'][];
  /** Pages reached from another page (a task from the queue) are routed but not in the menu. */
  hidden?: boolean;
}

const PAGES: Page[] = [
  { path: '/', label: { zh: '待办事项', en: 'Work queue' }, element: <Queue /> },
  { path: '/task/:caseId/:item', label: { zh: '办件', en: 'Task' }, element: <Task />, hidden: true },
  // Escalations of late work and poor ratings to follow up (supervision reaches every clerk here).
  { path: '/inbox', label: { zh: '消息', en: 'Messages' }, element: <Inbox /> },
  {
    path: '/window',
    label: { zh: '联办窗口', en: 'Joint window' },
    element: <Window />,
    for: ['midwifery-institution'],
  },
  {
    path: '/tablet/:id',
    label: { zh: '平板签名', en: 'Tablet signing' },
    element: <Tablet />,
    for: ['midwifery-institution'],
    hidden: true,
  },
  // 副页移交: the hospital sends; a county health bureau (Fujian) and the police receive.
  {
    path: '/counterfoil',
    label: { zh: '副页移交', en: 'Counterfoil transfer' },
    element: <Counterfoil />,
    for: ['midwifery-institution', 'health-commission', 'police'],
  },
  {
    path: '/counterfoil/:id',
    label: { zh: '副页批次', en: 'Counterfoil batch' },
    element: <CounterfoilBatch />,
    for: ['midwifery-institution', 'health-commission', 'police'],
    hidden: true,
  },
];

function Nav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useApi<Me>('/api/staff/me');
  const department = me.data?.organisation.department;
  const shown = PAGES.filter((p) => !p.hidden && (!p.for || (department && p.for.includes(department))));
  if (shown.length < 2) return null;
  return (
    <Menu
      mode="horizontal"
      data-testid="staff-nav"
      selectedKeys={[pathname]}
      onClick={(e) => navigate(e.key)}
      items={shown.map((p) => ({ key: p.path, label: t(p.label.zh, p.label.en) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The department workbench: a clerk of a hospital, a police station or a county office works the
 * organisation's queue and decides tasks. It shares the parents' app's API client, words and labels.
 */
function Shell() {
  const t = useT();
  if (!session.token) return <Navigate to="/login" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 16 }}>
          {t('新生儿出生“一件事” · 部门工作台', 'Newborn one-thing service · Department workbench')}
        </Typography.Text>
        <Space>
          <HeaderLinks loginPath="/login" />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Nav />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

const router = createHashRouter([
  { path: '/login', element: <StaffLogin /> },
  { path: '/auth', element: <AuthCallback /> },
  { path: '/supervision/login', element: <SupervisionLogin /> },
  { path: '/supervision/auth', element: <AuthCallback home="/supervision" /> },
  {
    path: '/supervision',
    element: <SupervisionShell />,
    children: [
      { index: true, element: <Navigate to={`/supervision/${SUPERVISION_PAGES[0]!.path}`} replace /> },
      ...SUPERVISION_PAGES.map((p): RouteObject => ({ path: p.path, element: p.element })),
    ],
  },
  {
    element: <Shell />,
    children: PAGES.map((p): RouteObject => ({ path: p.path, element: p.element })),
  },
]);

function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

/**
 * antd's palette darkened to the parents' app's (web/citizen/src/app.css): its default blue, green,
 * orange, red and grey text on white are below the 4.5:1 contrast WCAG 2.1 AA asks of text.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorSuccess: '#00703c',
    colorWarning: '#ad4e00',
    colorError: '#b00020',
    colorLink: '#0b57d0',
    // Under the pointer (where a click leaves it): antd lightens to 4.3:1 and 3.2:1.
    colorPrimaryHover: '#1f6ad6',
    colorLinkHover: '#1f6ad6',
    // antd derives the light fills of alerts and tags from the colours above, which turns them grey
    // once darkened: its own light fills instead (dark text on them is above 4.5:1).
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    // Labels and secondary text: antd's 45 % black is 3.4:1 on white.
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
  },
  components: {
    // A table with no rows says why in words (supervision's DataTable), drawn in the disabled grey.
    Table: { colorTextDisabled: '#595959' },
    // A coloured tag writes in the 7th shade of its colour on the 1st, below 4.5:1 for these (green
    // 3.4, orange 3.3, cyan 3.4, volcano 4.4, gold 2.8, lime 2.5): the 8th or 9th shade instead.
    // (Set globally antd recomputes the shade; set for the component it holds.)
    Tag: {
      green7: '#237804',
      orange7: '#ad4e00',
      cyan7: '#006d75',
      volcano7: '#ad2102',
      gold7: '#874d00',
      lime7: '#3f6600',
    },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);

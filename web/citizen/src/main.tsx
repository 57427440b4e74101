import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, Outlet, RouterProvider } from 'react-router-dom';
import { Shell } from './Shell.tsx';
import { LangProvider, useLang } from './i18n.tsx';
import { session } from './api.ts';
import { Login } from './pages/Login.tsx';
import { Home } from './pages/Home.tsx';
import { Apply } from './pages/apply/Apply.tsx';
import { Receipt } from './pages/Receipt.tsx';
import { Cases } from './pages/Cases.tsx';
import { CaseDetail } from './pages/case/CaseDetail.tsx';
import { Inbox } from './pages/Inbox.tsx';
import { SharedFields } from './pages/SharedFields.tsx';
import { WhoSaw } from './pages/WhoSaw.tsx';
import { Authorize, Confirm } from './pages/ParentRoles.tsx';
import { InvitationPage } from './pages/Invitation.tsx';
import { Cashier } from './pages/Cashier.tsx';
import { Invited } from './pages/Invited.tsx';
import { AuthCallback } from './components/AuthCallback.tsx';
import './app.css';

function RequireLogin() {
  return session.token ? <Outlet /> : <Navigate to="/login" replace />;
}

const router = createHashRouter([
  { path: '/auth', element: <AuthCallback /> },
  {
    element: (
      <Shell>
        <Outlet />
      </Shell>
    ),
    children: [
      { path: '/login', element: <Login /> },
      {
        element: <RequireLogin />,
        children: [
          { path: '/', element: <Home /> },
          { path: '/apply/:region', element: <Apply /> },
          { path: '/receipt/:caseId', element: <Receipt /> },
          { path: '/cases', element: <Cases /> },
          { path: '/cases/:caseId', element: <CaseDetail /> },
          { path: '/cases/:caseId/shared-fields', element: <SharedFields /> },
          { path: '/cases/:caseId/who-saw', element: <WhoSaw /> },
          { path: '/inbox', element: <Inbox /> },
          { path: '/authorize', element: <Authorize /> },
          { path: '/confirm', element: <Confirm /> },
          { path: '/invitations/:id', element: <InvitationPage /> },
          { path: '/pay/:orderId', element: <Cashier /> },
          { path: '/invited/:region/:birthOrder', element: <Invited /> },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
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

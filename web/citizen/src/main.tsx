import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter, Navigate, Route, Routes, useSearchParams } from 'react-router-dom';
import { Shell } from './Shell.tsx';
import { LangProvider, useLang } from './i18n.tsx';
import { session } from './api.ts';
import { Login } from './pages/Login.tsx';
import { Home } from './pages/Home.tsx';
import { Apply } from './pages/apply/Apply.tsx';
import { Cases } from './pages/Cases.tsx';
import { CaseDetail } from './pages/CaseDetail.tsx';
import { Inbox } from './pages/Inbox.tsx';
import { SharedFields } from './pages/SharedFields.tsx';
import { Authorize, Confirm } from './pages/ParentRoles.tsx';
import './app.css';

function RequireLogin({ children }: { children: React.ReactNode }) {
  return session.token ? <>{children}</> : <Navigate to="/login" replace />;
}

/** The unified-identity login lands here with the platform's session token in the URL fragment. */
function AuthCallback() {
  const [params] = useSearchParams();
  const token = params.get('token');
  if (token) session.token = token;
  return <Navigate to={token ? '/' : '/login'} replace />;
}

function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>
      <HashRouter>
        <Routes>
          <Route
            path="/login"
            element={
              <Shell>
                <Login />
              </Shell>
            }
          />
          <Route path="/auth" element={<AuthCallback />} />
          <Route
            path="/"
            element={
              <RequireLogin>
                <Shell>
                  <Home />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/apply/:region"
            element={
              <RequireLogin>
                <Shell>
                  <Apply />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/cases"
            element={
              <RequireLogin>
                <Shell>
                  <Cases />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/cases/:caseId"
            element={
              <RequireLogin>
                <Shell>
                  <CaseDetail />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/cases/:caseId/shared-fields"
            element={
              <RequireLogin>
                <Shell>
                  <SharedFields />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/inbox"
            element={
              <RequireLogin>
                <Shell>
                  <Inbox />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/authorize"
            element={
              <RequireLogin>
                <Shell>
                  <Authorize />
                </Shell>
              </RequireLogin>
            }
          />
          <Route
            path="/confirm"
            element={
              <RequireLogin>
                <Shell>
                  <Confirm />
                </Shell>
              </RequireLogin>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </HashRouter>
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

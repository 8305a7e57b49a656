import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { createQueryClient } from './auth/session.ts';
import { PageLoading } from './states/page-states.tsx';
import { LanguageProvider, useLanguage } from './i18n/language-context.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import { HomeRedirect } from './shell/home-redirect.tsx';
import { MODULE_PAGES } from './shell/module-routes.tsx';
import { MODULE_TABLE, type ModuleKey } from './shell/module-table.ts';
import { NotFound } from './shell/not-found.tsx';
import { OptionalSession } from './shell/optional-session.tsx';
import { RequireModule } from './shell/require-module.tsx';
import { RouteError } from './shell/route-error.tsx';

// The market is public (logged-out visitors search it and watch its feed), so it has its own routes outside the
// session guard; the big screen has no frame at all.
const MarketScreenPage = lazy(() => import('./market/market-screen-page.tsx').then((m) => ({ default: m.MarketScreenPage })));
const PUBLIC_MODULES = new Set<ModuleKey>(['market']);

const moduleRoutes: RouteObject[] = MODULE_TABLE.filter((entry) => !PUBLIC_MODULES.has(entry.key)).map((entry) => {
  const Page = MODULE_PAGES[entry.key];
  return { path: `${entry.path.slice(1)}/*`, element: <RequireModule module={entry.key}><Page /></RequireModule> };
});

const MarketPage = MODULE_PAGES.market;

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/market/screen', element: <Suspense fallback={<PageLoading fullScreen />}><MarketScreenPage /></Suspense>, errorElement: <RouteError /> },
  { element: <OptionalSession />, errorElement: <RouteError />, children: [{ path: '/market/*', element: <MarketPage /> }] },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [{ index: true, element: <HomeRedirect /> }, ...moduleRoutes, { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);

const queryClient = createQueryClient();

const THEME = { token: { colorPrimary: '#1f5fbf', borderRadius: 6 } };

function LocalisedApp() {
  const { lang } = useLanguage();
  return (
    // autoInsertSpace off: antd would otherwise render the button "登录" as "登 录", which breaks its accessible name.
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <LocalisedApp />
      </LanguageProvider>
    </QueryClientProvider>
  );
}

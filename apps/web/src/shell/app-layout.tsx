import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/current-user.ts';
import { useLogout } from '../auth/session.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageLoading } from '../states/page-states.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { MODULE_ICONS } from './module-routes.tsx';
import { moduleForPath, visibleModules } from './module-table.ts';

/** The signed-in frame: side navigation of the user's modules, and a header with who is signed in. */
export function AppLayout() {
  const me = useCurrentUser();
  const { t } = useLanguage();
  const logout = useLogout();
  const location = useLocation();
  const modules = visibleModules(me.modules);
  const selected = moduleForPath(location.pathname);
  // Below the md breakpoint the header keeps only what must stay reachable: the user, language, logout.
  const compact = !Grid.useBreakpoint().md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={248} theme="dark" zeroWidthTriggerStyle={{ top: 12 }}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '18px 24px', letterSpacing: 1 }}>{t('app.name')}</div>
        <nav aria-label={t('shell.nav')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            items={modules.map((m) => ({ key: m.key, icon: MODULE_ICONS[m.key], label: <Link to={m.path}>{t(m.label)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: compact ? '0 12px 0 56px' : '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, borderBottom: '1px solid #f0f0f0' }}
        >
          {!compact && <Typography.Text strong ellipsis>{t('app.fullName')}</Typography.Text>}
          <Space size={compact ? 'small' : 'middle'} wrap={false}>
            <span data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
              <UserOutlined /> {me.displayName}
              {me.organisation && !compact && <Typography.Text type="secondary"> · {me.organisation.name}</Typography.Text>}
            </span>
            {!compact && <Tag color="blue" data-testid="current-role">{t(`role.${me.role}`)}</Tag>}
            <LanguageSwitch />
            <Button
              data-testid="logout"
              icon={<LogoutOutlined />}
              aria-label={compact ? t('shell.logout') : undefined}
              title={t('shell.logout')}
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {compact ? null : t('shell.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: compact ? 12 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

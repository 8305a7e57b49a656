import { LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageLoading } from '../states/page-states.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of public pages for logged-out visitors: a slim header with the platform's name, language and login. */
export function PublicLayout() {
  const { t } = useLanguage();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 16px', height: 56, lineHeight: '56px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong ellipsis>{t('app.fullName')}</Typography.Text>
        <Space>
          <LanguageSwitch />
          {/* The login page sends the visitor back here once logged in. */}
          <Link to="/login" state={{ from: `${location.pathname}${location.search}` }}>
            <Button type="primary" icon={<LoginOutlined />} data-testid="public-login">{t('login.submit')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

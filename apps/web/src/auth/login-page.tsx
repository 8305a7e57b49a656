import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageLoading } from '../states/page-states.tsx';
import { sessionNotice } from './session-notice.ts';
import { useLogin, useMe, type LoginInput } from './session.ts';

function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  // Only same-app paths: never bounce to another origin after login.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { lang, t } = useLanguage();
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const notice = useSyncExternalStore(sessionNotice.subscribe, sessionNotice.get);
  useDocumentTitle(t('login.title'));

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 60%)' }}>
      <header style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </header>
      <main style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
        <Card style={{ width: 400, maxWidth: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {notice === 'expired' && <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />}
          {notice === 'logged_out' && <Alert type="info" showIcon title={t('login.loggedOut')} style={{ marginBottom: 16 }} />}
          {login.isError && (
            <Alert type="error" showIcon role="alert" data-testid="login-error" title={errorMessage(login.error, lang, t)} style={{ marginBottom: 16 }} />
          )}
          <Form<LoginInput>
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate({ login: values.login.trim(), password: values.password })}
          >
            <Form.Item label={t('login.account')} name="login" rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('login.accountPlaceholder')} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {/* Not antd's `loading`: its spinner's leave animation can linger inside the button as an extra
                "loading" label, which changes the button's accessible name from 登录 / Log in. */}
            <Button type="primary" htmlType="submit" block size="large" disabled={login.isPending} aria-busy={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}

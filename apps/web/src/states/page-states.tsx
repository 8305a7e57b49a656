import { Button, Result, Spin } from 'antd';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useLanguage();
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="page-loading"
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12, minHeight: fullScreen ? '100vh' : 240 }}
    >
      <Spin />
      <span>{t('state.loading')}</span>
    </div>
  );
}

/** A failed load: the server's message in the current language, and a way to try again. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useLanguage();
  return (
    <Result
      status="error"
      title={t('state.errorTitle')}
      subTitle={<span role="alert" data-testid="page-error">{errorMessage(error, lang, t)}</span>}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('state.retry')}</Button> : undefined}
    />
  );
}

import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';

/** Shown when a route throws, e.g. a lazily loaded chunk is gone after a new version was deployed. */
export function RouteError() {
  const error = useRouteError();
  const { lang, t } = useLanguage();
  return (
    <Result
      status="error"
      title={t('state.errorTitle')}
      subTitle={<span role="alert">{errorMessage(error, lang, t)}</span>}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('state.retry')}</Button>}
    />
  );
}

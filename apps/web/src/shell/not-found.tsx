import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';

export function NotFound() {
  const { t } = useLanguage();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('shell.notFound')}
      extra={<Link to="/"><Button type="primary">{t('shell.backHome')}</Button></Link>}
    />
  );
}

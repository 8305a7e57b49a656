import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { visibleModules } from './module-table.ts';

/** "/" opens the first module the user has, or says there is none. */
export function HomeRedirect() {
  const me = useCurrentUser();
  const { t } = useLanguage();
  const first = visibleModules(me.modules)[0];
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" subTitle={t('shell.noModules')} />;
}

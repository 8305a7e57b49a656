import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useCurrentUser } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { ModuleKey } from './module-table.ts';

/** A module's page, or a 403 notice when the server did not grant this user the module. */
export function RequireModule({ module, children }: { module: ModuleKey; children: ReactNode }) {
  const me = useCurrentUser();
  const { t } = useLanguage();
  if (!me.modules.includes(module)) return <Result status="403" title="403" subTitle={t('shell.forbidden')} />;
  return <>{children}</>;
}

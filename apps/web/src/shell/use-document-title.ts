import { useEffect } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';

/** Sets the browser tab title to "<page> - <app>" in the current language. */
export function useDocumentTitle(pageTitle: string | null): void {
  const { t } = useLanguage();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - ${appName}` : appName;
  }, [pageTitle, appName]);
}

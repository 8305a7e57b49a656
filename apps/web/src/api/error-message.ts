import type { Translate } from '../i18n/language-context.tsx';
import type { Lang } from '../i18n/messages.ts';
import { ApiError } from './api-client.ts';

/** The message to show for a failed call: the server's own words in the current language when it sent any. */
export function errorMessage(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof ApiError) {
    const preferred = lang === 'en' ? error.messageEn : error.messageZh;
    const other = lang === 'en' ? error.messageZh : error.messageEn;
    if (preferred) return preferred;
    if (error.status === 0) return t('state.networkError');
    if (other) return other;
    return t('state.httpError', { status: error.status });
  }
  return t('state.networkError');
}

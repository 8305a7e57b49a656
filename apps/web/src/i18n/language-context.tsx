import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { readStoredLang, storeLang } from './language-store.ts';
import { translate, type Lang, type MessageKey, type MessageParams } from './messages.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

type LanguageValue = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };

const LanguageContext = createContext<LanguageValue | null>(null);

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang(safeLocalStorage());
    applyToDocument(initial);
    return initial;
  });

  useEffect(() => applyToDocument(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    storeLang(safeLocalStorage(), next);
    setLangState(next);
  }, []);

  const value = useMemo<LanguageValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside <LanguageProvider>');
  return value;
}

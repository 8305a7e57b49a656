import type { Lang } from './messages.ts';

// The chosen language is remembered in localStorage under this key; Simplified Chinese is the default.
export const LANG_STORAGE_KEY = 'kc.lang';

export function parseLang(raw: string | null | undefined): Lang {
  return raw === 'en' ? 'en' : 'zh-CN';
}

export function readStoredLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    return parseLang(storage?.getItem(LANG_STORAGE_KEY));
  } catch {
    return 'zh-CN'; // storage can be disabled (private mode, policy); fall back to the default
  }
}

export function storeLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembering is acceptable; the switch still works for this page.
  }
}

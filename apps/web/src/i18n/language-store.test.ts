import { expect, test } from 'vitest';
import { LANG_STORAGE_KEY, parseLang, readStoredLang, storeLang } from './language-store.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

test('Chinese is the default; only a stored "en" selects English', () => {
  expect(parseLang(null)).toBe('zh-CN');
  expect(parseLang('fr')).toBe('zh-CN');
  expect(parseLang('en')).toBe('en');
});

test('a stored choice is read back under kc.lang', () => {
  const storage = memoryStorage();
  storeLang(storage, 'en');
  expect(storage.getItem(LANG_STORAGE_KEY)).toBe('en');
  expect(readStoredLang(storage)).toBe('en');
  storeLang(storage, 'zh-CN');
  expect(readStoredLang(storage)).toBe('zh-CN');
});

test('a storage that throws falls back to Chinese', () => {
  const broken = { getItem: (): string | null => { throw new Error('denied'); } };
  expect(readStoredLang(broken)).toBe('zh-CN');
  expect(() => storeLang({ setItem: () => { throw new Error('quota'); } }, 'en')).not.toThrow();
});

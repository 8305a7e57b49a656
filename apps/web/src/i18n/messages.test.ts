import { describe, expect, test } from 'vitest';
import { LANGS, MESSAGES, placeholdersOf, translate, type MessageKey } from './messages.ts';

const keys = Object.keys(MESSAGES['zh-CN']) as MessageKey[];

describe('message catalogue', () => {
  test('every language has exactly the Chinese keys, none empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(MESSAGES[lang][key].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  test('both languages use the same placeholders in every message', () => {
    for (const key of keys) {
      expect(placeholdersOf(MESSAGES.en[key]), key).toEqual(placeholdersOf(MESSAGES['zh-CN'][key]));
    }
  });

  test('English messages carry no Chinese characters except the language switch itself', () => {
    const han = /\p{Script=Han}/u;
    const offenders = keys.filter((k) => k !== 'lang.switchTo' && han.test(MESSAGES.en[k]));
    expect(offenders).toEqual([]);
  });

  test('translate fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'overview.perYear', { rate: '12.0%' })).toBe('12.0% a year');
    expect(translate('zh-CN', 'state.httpError', { status: 502 })).toBe('服务器返回错误（HTTP 502）。');
    expect(translate('en', 'overview.vsPrevious', { change: '+5' })).toBe('+5 vs {period}');
  });
});

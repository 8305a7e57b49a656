import { expect, test } from 'vitest';
import { translate, type Lang } from '../i18n/messages.ts';
import { ApiError } from './api-client.ts';
import { errorMessage } from './error-message.ts';

const show = (error: unknown, lang: Lang) => errorMessage(error, lang, (key, params) => translate(lang, key, params));

test('the server message is shown in the current language', () => {
  const error = new ApiError(422, 'weak_password', '密码强度不足', 'Password is too weak');
  expect(show(error, 'zh-CN')).toBe('密码强度不足');
  expect(show(error, 'en')).toBe('Password is too weak');
});

test('a message in the other language beats a generic one', () => {
  expect(show(new ApiError(400, 'x', '只有中文', ''), 'en')).toBe('只有中文');
});

test('network failures and bare HTTP errors get catalogue messages', () => {
  expect(show(new ApiError(0, 'network_error', '', ''), 'en')).toBe(translate('en', 'state.networkError'));
  expect(show(new ApiError(503, 'http_error', '', ''), 'zh-CN')).toBe(translate('zh-CN', 'state.httpError', { status: 503 }));
  expect(show(new Error('boom'), 'zh-CN')).toBe(translate('zh-CN', 'state.networkError'));
});

// The one error type operations throw. It carries what the API returns: a stable code, the field at
// fault (if any), and the message in Chinese and English, plus the HTTP status that fits.
export type LocalisedMessage = { zh: string; en: string };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null,
    readonly text: LocalisedMessage,
    readonly status: number = 400,
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}

export type ErrorBody = { error: { code: string; message: string; message_en: string; field: string | null } };

export function errorBody(code: string, field: string | null, text: LocalisedMessage): ErrorBody {
  return { error: { code, message: text.zh, message_en: text.en, field } };
}

export const unauthenticated = (): DomainError =>
  new DomainError('unauthenticated', null, { zh: '请先登录', en: 'Please log in first' }, 401);

export const forbidden = (): DomainError =>
  new DomainError('forbidden', null, { zh: '无权执行此操作', en: 'You are not allowed to do this' }, 403);

export const notFound = (what: LocalisedMessage): DomainError =>
  new DomainError('not_found', null, { zh: `${what.zh}不存在`, en: `${what.en} not found` }, 404);

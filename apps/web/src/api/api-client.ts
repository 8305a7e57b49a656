import type { ApiErrorBody } from './types.ts';

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: string | null;

  constructor(status: number, code: string, messageZh: string, messageEn: string, field: string | null = null) {
    super(messageEn || messageZh || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.field = field;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiClientDeps = {
  fetch: typeof fetch;
  /** Reads the current document cookies (a string like `a=1; kc_csrf=xyz`). */
  cookies: () => string;
  baseUrl?: string;
};

export const CSRF_COOKIE = 'kc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(cookieString: string, name: string): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export type ApiClient = <T>(method: HttpMethod, path: string, body?: unknown) => Promise<T>;

/**
 * A fetch wrapper for /api/v1: same-origin cookies, JSON in and out, the CSRF header on every write, and every
 * failure turned into an ApiError carrying the server's Chinese and English messages.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  const baseUrl = deps.baseUrl ?? '/api/v1';
  return async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      const token = readCookie(deps.cookies(), CSRF_COOKIE);
      if (token) headers[CSRF_HEADER] = token;
    }
    let response: Response;
    try {
      response = await deps.fetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network_error', '', '');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      if (isErrorBody(parsed)) {
        const e = parsed.error;
        throw new ApiError(response.status, e.code, e.message ?? '', e.message_en ?? '', e.field ?? null);
      }
      throw new ApiError(response.status, 'http_error', '', '');
    }
    if (parsed === undefined) throw new ApiError(response.status, 'invalid_response', '', '');
    return parsed as T;
  };
}

export const api: ApiClient = createApiClient({
  fetch: (...args) => window.fetch(...args),
  cookies: () => document.cookie,
});

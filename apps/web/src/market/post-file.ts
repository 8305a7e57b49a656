// Sends a file as the raw request body (the server sniffs or parses the bytes; no multipart), with the
// session's CSRF token, and turns a refusal into an ApiError carrying the server's two messages.
import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from '../api/api-client.ts';

export async function postFile<T>(path: string, file: File): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': 'application/octet-stream', [CSRF_HEADER]: readCookie(document.cookie, CSRF_COOKIE) ?? '' },
    });
  } catch {
    throw new ApiError(0, 'network_error', '', '');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string; message_en: string; field: string | null } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? '', e?.message_en ?? '', e?.field ?? null);
  }
  return body as T;
}

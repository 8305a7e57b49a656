// Yuan typed in a form → fen string for the API; empty means none (面议). Pure.
export function optionalYuanToFen(text: string): { ok: true; fen: string | null } | { ok: false } {
  const clean = text.replace(/[,\s，¥]/g, '');
  if (clean === '') return { ok: true, fen: null };
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return { ok: false };
  return { ok: true, fen: (BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'))).toString() };
}

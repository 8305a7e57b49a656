// Money on the deals pages: the API speaks integer fen as strings; people type yuan and read 万元.
import type { Lang } from '../../i18n/messages.ts';

/** "12,345.67" → "1234567" fen; null when the text is not an amount with at most two decimals. */
export function yuanToFen(text: string): string | null {
  const clean = text.replace(/[,\s，¥]/g, '');
  const m = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  const fen = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return fen.toString();
}

/** "1234567" fen → "12,345.67" (exact, for any size). */
export function fenToYuan(fen: string): string {
  const v = BigInt(fen);
  const whole = (v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(v % 100n).toString().padStart(2, '0')}`;
}

/** Chinese reads 万元 (亿元 from 1亿); English reads CNY thousand / million, the units its readers count in. */
export function formatMoney(fen: string | null, lang: Lang): string {
  if (fen === null) return '—';
  const yuan = Number(BigInt(fen)) / 100;
  if (lang === 'en') {
    if (yuan >= 1_000_000) return `CNY ${trim(yuan / 1_000_000, 2)} m`;
    return `CNY ${trim(yuan / 1_000, 1)} k`;
  }
  if (yuan >= 100_000_000) return `${trim(yuan / 100_000_000, 2)}亿元`;
  return `${trim(yuan / 10_000, 2)}万元`;
}

function trim(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

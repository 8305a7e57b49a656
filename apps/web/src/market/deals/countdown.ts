// The auction countdown. The browser's clock may be off, so the page measures time from the server's
// `serverNow` plus the time elapsed locally since that answer arrived.

export type Remaining = { ms: number; days: number; hours: number; minutes: number; seconds: number };

export function remaining(endsAtIso: string, serverNowIso: string, receivedAtLocalMs: number, localNowMs: number): Remaining {
  const ms = Math.max(0, Date.parse(endsAtIso) - (Date.parse(serverNowIso) + (localNowMs - receivedAtLocalMs)));
  const s = Math.floor(ms / 1000);
  return { ms, days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

export function formatRemaining(r: Remaining, lang: 'zh-CN' | 'en'): string {
  const hms = [r.hours, r.minutes, r.seconds].map((n) => String(n).padStart(2, '0')).join(':');
  if (r.days === 0) return hms;
  return lang === 'en' ? `${r.days} d ${hms}` : `${r.days} 天 ${hms}`;
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { headlineCounts } from './feed-model.ts';
import type { SearchResult } from './market-api.ts';
import { EMPTY_SEARCH, searchPath } from './search-model.ts';
import { useLiveFeed } from './use-live-feed.ts';

const REFRESH_MS = 60_000;
const KEEP = 10;
const BG = '#0a1630';
const PANEL = '#12244a';
const ACCENT = '#4fc3ff';

/**
 * 大屏: the market's headline counts and its live feed, dark and in large type, for a wall screen nobody
 * touches. Counts refresh every minute and whenever the feed brings a new item; the feed reconnects by itself.
 */
export function MarketScreenPage() {
  const { t } = useLanguage();
  useDocumentTitle(t('market.screen.title'));
  const { items, live } = useLiveFeed(KEEP);
  const counts = useQuery({
    queryKey: ['market-screen-counts'],
    queryFn: () => api<SearchResult>('GET', searchPath(EMPTY_SEARCH, null, 1)),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    retry: true,
  });
  const newest = items[0]?.id;
  const { refetch } = counts;
  useEffect(() => { if (newest) void refetch(); }, [newest, refetch]);
  const now = useClock();
  const head = counts.data ? headlineCounts(counts.data) : null;
  const topFields = counts.data?.facets?.field.slice(0, 6) ?? [];
  const fieldMax = Math.max(1, ...topFields.map((f) => f.count));

  return (
    <main data-testid="market-screen" style={{ minHeight: '100vh', background: BG, color: '#e8f0ff', padding: '2vw 3vw', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: '2vw' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ margin: 0, fontSize: 'clamp(28px, 3.2vw, 64px)', color: '#fff', letterSpacing: 2 }}>{t('market.screen.title')}</h1>
        <span style={{ fontSize: 'clamp(18px, 1.6vw, 32px)', fontVariantNumeric: 'tabular-nums' }}>
          <span aria-hidden style={{ color: live ? '#52c41a' : '#888', marginRight: 12 }}>●</span>{now.toLocaleString()}
        </span>
      </header>
      <section style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: '1.5vw' }}>
        {([['total', head?.total], ['achievements', head?.achievements], ['demands', head?.demands], ['fields', head?.fields]] as const).map(([key, value]) => (
          <div key={key} data-testid={`screen-count-${key}`} style={{ background: PANEL, borderRadius: 12, padding: '1.5vw' }}>
            <div style={{ fontSize: 'clamp(16px, 1.4vw, 28px)', opacity: 0.8 }}>{t(`market.screen.${key}` as MessageKey)}</div>
            <div style={{ fontSize: 'clamp(40px, 5vw, 110px)', fontWeight: 700, color: ACCENT, fontVariantNumeric: 'tabular-nums' }}>{value === undefined ? '—' : value.toLocaleString()}</div>
          </div>
        ))}
      </section>
      <section style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '1.5vw', flex: 1, minHeight: 0 }}>
        <div style={{ background: PANEL, borderRadius: 12, padding: '1.5vw', overflow: 'hidden' }} data-testid="screen-feed" data-live={live ? 'true' : 'false'}>
          <h2 style={{ margin: '0 0 1vw', fontSize: 'clamp(22px, 2vw, 40px)', color: '#fff' }}>{t('market.screen.feed')}</h2>
          <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item, i) => (
              <li key={item.id} data-testid="screen-feed-item" style={{ display: 'flex', gap: '1vw', alignItems: 'baseline', padding: '0.8vw 0', borderTop: i === 0 ? 'none' : '1px solid #233b6e', fontSize: 'clamp(18px, 1.6vw, 34px)' }}>
                <span style={{ flex: 'none', padding: '0 0.6vw', borderRadius: 6, background: item.kind === 'achievement' ? '#1f5fbf' : '#c56a00', fontSize: '0.7em' }}>{t(`market.kind.${item.kind}` as MessageKey)}</span>
                <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.title}</span>
                <span style={{ flex: 'none', opacity: 0.7, fontSize: '0.75em' }}>{item.field} · {new Date(item.publishedAt).toLocaleDateString()}</span>
              </li>
            ))}
            {items.length === 0 && <li style={{ fontSize: 'clamp(18px, 1.6vw, 34px)', opacity: 0.6 }}>{t('market.feed.empty')}</li>}
          </ol>
        </div>
        <div style={{ background: PANEL, borderRadius: 12, padding: '1.5vw' }}>
          <h2 style={{ margin: '0 0 1vw', fontSize: 'clamp(22px, 2vw, 40px)', color: '#fff' }}>{t('market.facet.field')}</h2>
          {topFields.map((f) => (
            <div key={f.value} style={{ marginBottom: '1vw', fontSize: 'clamp(16px, 1.4vw, 28px)' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between' }}><span>{f.value}</span><span style={{ fontVariantNumeric: 'tabular-nums' }}>{f.count.toLocaleString()}</span></div>
              <div style={{ height: 10, borderRadius: 5, background: '#233b6e' }}><div style={{ width: `${(100 * f.count) / fieldMax}%`, height: '100%', borderRadius: 5, background: ACCENT }} /></div>
            </div>
          ))}
          {counts.dataUpdatedAt > 0 && <div style={{ opacity: 0.5, fontSize: 'clamp(12px, 0.9vw, 18px)' }}>{t('market.screen.updated', { time: new Date(counts.dataUpdatedAt).toLocaleTimeString() })}</div>}
        </div>
      </section>
    </main>
  );
}

/** The current time, ticking once a second. */
function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

import { useEffect, useState } from 'react';
import { mergeFeedItem, type FeedItem } from './feed-model.ts';

/** Newly published listings pushed by the server (server-sent events; public), newest first; `live` while connected. */
export function useLiveFeed(keep: number): { items: FeedItem[]; live: boolean } {
  const [items, setItems] = useState<FeedItem[]>([]);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/market/feed');
    source.onopen = () => setLive(true);
    // EventSource reconnects by itself; the badge shows the gap meanwhile.
    source.onerror = () => setLive(false);
    source.addEventListener('item', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as FeedItem;
      setItems((current) => mergeFeedItem(current, item, keep));
    });
    return () => source.close();
  }, [keep]);
  return { items, live };
}

import { Badge, Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';

type FeedItem = { id: string; kind: 'achievement' | 'demand'; title: string; field: string; publishedAt: string };
const KEEP = 12;

/** Newly published listings, pushed by the server (server-sent events); newest on top, for a big screen too. */
export function LiveFeed() {
  const { t } = useLanguage();
  const [items, setItems] = useState<FeedItem[]>([]);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/market/feed');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('item', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as FeedItem;
      setItems((current) => [item, ...current.filter((x) => x.id !== item.id)].slice(0, KEEP));
    });
    return () => source.close();
  }, []);
  return (
    <Card size="small" data-testid="market-feed" data-live={live ? 'true' : 'false'}
      title={<span>{t('market.feed.title')} <Badge status={live ? 'processing' : 'default'} text={live ? t('market.feed.live') : ''} /></span>}>
      <List size="small" dataSource={items} locale={{ emptyText: t('market.feed.empty') }}
        renderItem={(item) => (
          <List.Item data-testid="feed-item">
            <div>
              <Tag color={item.kind === 'achievement' ? 'blue' : 'orange'}>{t(`market.kind.${item.kind}` as MessageKey)}</Tag>
              <Link to={`/market/listings/${item.id}`}>{item.title}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{item.field} · {new Date(item.publishedAt).toLocaleString()}</Typography.Text>
            </div>
          </List.Item>
        )} />
    </Card>
  );
}

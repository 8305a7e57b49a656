import { Badge, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useLiveFeed } from './use-live-feed.ts';

const KEEP = 12;

/** Newly published listings, pushed by the server (server-sent events); newest on top. */
export function LiveFeed() {
  const { t } = useLanguage();
  const { items, live } = useLiveFeed(KEEP);
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

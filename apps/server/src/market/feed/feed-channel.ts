// The PostgreSQL NOTIFY channel that announces newly published listings (payload: FeedItem as JSON).
export const FEED_CHANNEL = 'market_published';

export type FeedItem = { regionCode: string; id: string; kind: 'achievement' | 'demand'; title: string; field: string; publishedAt: string };

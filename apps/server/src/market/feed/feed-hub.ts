// Fans PostgreSQL notifications of new publications out to the open server-sent-event streams. One
// LISTEN connection per server, opened with the first subscriber; listings published by any process
// (the API, `kechuang market import`) reach every screen.
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { FEED_CHANNEL, type FeedItem } from './feed-channel.ts';

export type FeedHub = { subscribe(listener: (item: FeedItem) => void): Promise<() => void>; close(): Promise<void> };

export function createFeedHub(pool: pg.Pool): FeedHub {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let client: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  const connect = async (): Promise<void> => {
    const c = await pool.connect();
    c.on('notification', (msg) => {
      if (msg.channel !== FEED_CHANNEL || !msg.payload) return;
      try { events.emit('item', JSON.parse(msg.payload) as FeedItem); } catch { /* a malformed payload is not ours */ }
    });
    await c.query(`LISTEN ${FEED_CHANNEL}`);
    client = c;
  };
  return {
    async subscribe(listener) {
      connecting ??= connect();
      await connecting;
      events.on('item', listener);
      return () => { events.off('item', listener); };
    },
    async close() {
      events.removeAllListeners();
      if (client) {
        await client.query(`UNLISTEN ${FEED_CHANNEL}`).catch(() => undefined);
        client.release();
        client = undefined;
      }
    },
  };
}

// The in-memory indexes of one database, a region each, loaded on first use. A region small enough to load
// in well under a second (AWAIT_LOAD_BELOW published listings) is loaded by the first search, which waits
// for it; a larger one loads in the background while searches use the database path, and the server warms
// every region when it starts (warmSearchReplicas), so that no user waits for a million-listing load.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/open-database.ts';
import { RegionReplica } from './region-replica.ts';

const AWAIT_LOAD_BELOW = 50_000;

type RegionState = { replica: RegionReplica; ready: boolean; loading: Promise<void> | null };
const byDatabase = new WeakMap<Db, Map<string, RegionState>>();

function statesOf(db: Db): Map<string, RegionState> {
  let states = byDatabase.get(db);
  if (!states) { states = new Map(); byDatabase.set(db, states); }
  return states;
}

function startLoad(db: Db, regionCode: string): RegionState {
  const states = statesOf(db);
  const state: RegionState = { replica: new RegionReplica(db, regionCode), ready: false, loading: null };
  state.loading = state.replica.load().then(
    () => { state.ready = true; state.loading = null; },
    (err: unknown) => { states.delete(regionCode); throw err; },
  );
  states.set(regionCode, state);
  return state;
}

/**
 * The region's index when it is loaded, or null while a large region is still loading. It is as fresh as
 * the last change read: a search checks for newer ones in the statement that reads its page
 * (search-in-memory.ts). `publishedListings`: the region's size as the statistics know it.
 */
export async function replicaFor(db: Db, regionCode: string, publishedListings: number): Promise<RegionReplica | null> {
  let state = statesOf(db).get(regionCode);
  if (!state) {
    state = startLoad(db, regionCode);
    if (publishedListings >= AWAIT_LOAD_BELOW) { state.loading!.catch(() => undefined); return null; }
  }
  if (!state.ready) {
    if (publishedListings >= AWAIT_LOAD_BELOW) return null;
    await state.loading;
  }
  return state.replica;
}

/** Loads every region that has published listings (server start; errors are the caller's to log). */
export async function warmSearchReplicas(db: Db): Promise<{ regionCode: string; listings: number; seconds: number }[]> {
  const regions = await db.execute<{ region_code: string }>(sql`SELECT region_code FROM market_search_corpus WHERE docs > 0 ORDER BY region_code`);
  const out: { regionCode: string; listings: number; seconds: number }[] = [];
  for (const { region_code: regionCode } of regions.rows) {
    const started = performance.now();
    const state = statesOf(db).get(regionCode) ?? startLoad(db, regionCode);
    await state.loading;
    out.push({ regionCode, listings: state.replica.index.liveCount, seconds: (performance.now() - started) / 1000 });
  }
  return out;
}

// Timed public bidding under load: BIDDERS concurrent bidders on one lot for SECONDS seconds, through the
// same placeBid operation the API uses (row lock, pure rules, chained bid, audit row, commit). Afterwards it
// checks that no accepted bid was lost or duplicated, that the chain verifies, and that the settled price
// equals the highest accepted bid. Bidders follow the live price the way the SSE feed gives it to them.
//   node --import tsx bench/market-auction-bidding.ts                      (embedded PostgreSQL in a temp dir)
//   BENCH_DATABASE_URL=postgres://user@host:5432/postgres node --import tsx bench/market-auction-bidding.ts
// Options: BIDDERS (500), DURATION_S (30), POOL (32), MODE:
//   ascending (default): each bidder raises the latest price submitted by anyone by one increment, as with a
//     feed of zero delay — every bid can be valid, so this measures how many bids/s the lot can accept;
//   racing: each bidder raises the last price it heard of (an accepted bid) by 1–3 increments, so most bids
//     arrive already outbid — this measures how cheaply the refusals are handled under contention.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR, type UserActor } from '../apps/server/src/platform/auth/actor.ts';
import { openDatabase, type Database } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { makeUscc } from '../apps/server/src/platform/identity/uscc.ts';
import { placeBid } from '../apps/server/src/market/deals/auctions/place-bid.ts';
import { settleAuction } from '../apps/server/src/market/deals/auctions/settle-auction.ts';
import { getBidLog } from '../apps/server/src/market/deals/auctions/read-auction.ts';
import { verifyBidChain } from '../apps/server/src/market/deals/auctions/bid-chain.ts';
import { insertPublishedAchievement } from '../apps/server/src/market/deals/listing-fixture.ts';

const BIDDERS = Number(process.env.BIDDERS ?? 500);
const SECONDS = Number(process.env.DURATION_S ?? 30);
const POOL = Number(process.env.POOL ?? 32);
const MODE = process.env.MODE === 'racing' ? 'racing' : 'ascending';
const REGION = '410300';
const INCREMENT = 100n;

async function main(): Promise<void> {
  const { database, cleanup } = await benchDatabase();
  try {
    await prepareDatabase(database);
    const { lotId, bidders } = await setUp(database);
    console.log(`database: ${database.kind} PostgreSQL ${database.serverVersion}; ${BIDDERS} bidders, ${SECONDS} s, pool ${POOL}, mode ${MODE}`);

    let known: bigint | null = null; // the live price as the SSE feed would show it
    let submitted: bigint | null = null; // the highest amount any bidder has sent
    const accepted: { seq: number; amountFen: bigint; bidderNo: number }[] = [];
    const rejected = new Map<string, number>();
    let unexpected = 0;
    const latencies: number[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(bidders.map(async (actor) => {
      while (Date.now() < deadline) {
        // Most bidders raise by one increment, some jump by two or three, as people do.
        let amountFen: bigint;
        if (MODE === 'ascending') {
          submitted = (submitted ?? 1_000_000n - INCREMENT) + INCREMENT;
          amountFen = submitted;
        } else {
          amountFen = (known ?? 1_000_000n - INCREMENT) + INCREMENT * BigInt(1 + Math.floor(Math.random() * 3));
        }
        const started = performance.now();
        try {
          const bid = await placeBid(database.db, actor, { lotId, amountFen }, new Date());
          accepted.push({ seq: bid.seq, amountFen: bid.amountFen, bidderNo: bid.bidderNo });
          if (known === null || bid.amountFen > known) known = bid.amountFen;
          latencies.push(performance.now() - started);
        } catch (err) {
          const code = (err as { code?: string }).code ?? 'error';
          if (code.startsWith('bid_below')) rejected.set(code, (rejected.get(code) ?? 0) + 1);
          else { unexpected++; if (unexpected < 5) console.error(err); }
        }
      }
    }));
    const elapsed = (performance.now() - t0) / 1000;

    // Verification: every accepted response is in the log exactly once, the log is gap-free and increasing.
    const log = await getBidLog(database.db, lotId);
    const stored = new Map(log.bids.map((b) => [b.seq, b]));
    const lost = accepted.filter((a) => stored.get(a.seq)?.amountFen !== a.amountFen.toString()).length;
    const duplicated = log.bids.length - new Set(log.bids.map((b) => b.amountFen)).size + (log.bids.length - accepted.length);
    const chain = verifyBidChain(lotId, log.bids);
    const highest = accepted.reduce((m, a) => (a.amountFen > m ? a.amountFen : m), 0n);
    await database.pool.query('UPDATE market_auction_lots SET ends_at = now() - interval \'1 second\' WHERE id = $1', [lotId]);
    const settlement = await settleAuction(database.db, SYSTEM_ACTOR, lotId, new Date());
    const finalPrice = settlement.outcome?.sold ? settlement.outcome.priceFen : null;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
    const rejectedTotal = [...rejected.values()].reduce((a, b) => a + b, 0);

    console.log(`accepted bids: ${accepted.length} in ${elapsed.toFixed(1)} s = ${(accepted.length / elapsed).toFixed(0)} accepted bids/s`);
    console.log(`refused (outbid, below increment): ${rejectedTotal} (${[...rejected].map(([k, v]) => `${k} ${v}`).join(', ')}); unexpected errors: ${unexpected}`);
    console.log(`attempts/s: ${((accepted.length + rejectedTotal) / elapsed).toFixed(0)}; accepted-bid latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms`);
    console.log(`bids in the log: ${log.bids.length}; lost: ${lost}; duplicated: ${duplicated}; chain: ${chain.ok ? 'verifies' : JSON.stringify(chain)}`);
    console.log(`highest accepted bid: ${highest}; settled price: ${finalPrice}; equal: ${finalPrice === highest}`);
    const ok = lost === 0 && duplicated === 0 && chain.ok && finalPrice === highest && unexpected === 0;
    console.log(ok ? 'CHECKS PASSED' : 'CHECKS FAILED');
    if (!ok) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

async function setUp(database: Database): Promise<{ lotId: string; bidders: UserActor[] }> {
  const pool = database.pool;
  const sellerId = crypto.randomUUID();
  await pool.query(`INSERT INTO regions (code, name, name_en, level) VALUES ($1, '洛阳市', 'Luoyang', 'city') ON CONFLICT DO NOTHING`, [REGION]);
  await pool.query('INSERT INTO organisations (region_code, id, kind, name, uscc) VALUES ($1, $2, $3, $4, $5)', [REGION, sellerId, 'university', '压测大学', makeUscc('12410300BENCH0000')]);
  const listingId = await insertPublishedAchievement(database.db, { regionCode: REGION, ownerOrgId: sellerId, title: '压测成果', field: '高端轴承', priceFen: null });
  const lotId = crypto.randomUUID();
  await pool.query(`
    INSERT INTO market_auction_lots (region_code, id, listing_region_code, listing_id, seller_org_id, title, field, starts_at, ends_at, scheduled_ends_at,
      start_price_fen, reserve_fen, increment_fen, deposit_fen, extension_window_ms, extension_ms, bidder_count)
    VALUES ($1, $2, $1, $3, $4, '压测成果', '高端轴承', now() - interval '1 minute', now() + interval '1 hour', now() + interval '1 hour',
      1000000, 1000000, $5, 10000, 300000, 300000, $6)`, [REGION, lotId, listingId, sellerId, INCREMENT.toString(), BIDDERS]);
  const bidders: UserActor[] = [];
  for (let i = 0; i < BIDDERS; i++) {
    const orgId = crypto.randomUUID();
    await pool.query('INSERT INTO organisations (region_code, id, kind, name, uscc) VALUES ($1, $2, $3, $4, $5)',
      [REGION, orgId, 'enterprise', `压测企业${i + 1}`, makeUscc(`91410300B${String(i).padStart(8, '0')}`)]);
    await pool.query(`INSERT INTO market_auction_bidders (region_code, lot_id, org_id, bidder_no, deposit_fen, deposit_reference) VALUES ($1, $2, $3, $4, 10000, 'BENCH')`,
      [REGION, lotId, orgId, i + 1]);
    bidders.push({ kind: 'user', userId: crypto.randomUUID(), role: 'enterprise_user', displayName: `bidder ${i + 1}`, login: `b${i}`, regionCode: REGION, csrfToken: '', organisation: { id: orgId, name: `压测企业${i + 1}`, kind: 'enterprise' } });
  }
  return { lotId, bidders };
}

async function benchDatabase(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `kc_bench_auction_${crypto.randomBytes(4).toString('hex')}`;
    const admin = async (q: string) => { const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); try { await c.query(q); } finally { await c.end(); } };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: POOL });
    return { database, cleanup: async () => { await database.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-bench-auction-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: POOL });
  return { database, cleanup: async () => { await database.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

await main();

// "My negotiations": the negotiations of the actor's organisation, as seller (offers on its listings) or as
// buyer, each with the latest offer and whose turn it is, the ones waiting for us first.
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { actingOrganisation } from '../deal-lookups.ts';
import type { Side } from './negotiation-rules.ts';

export type NegotiationSummary = {
  id: string; listingRegionCode: string; listingId: string; title: string; status: string; agreedFen: string | null; mySide: Side;
  counterpartyName: string; offerCount: number; latestOffer: { seq: number; side: Side; amountFen: string; at: string };
  /** `mine`: the other side spoke last and we may counter or accept; `theirs`: waiting for them; null once ended. */
  turn: 'mine' | 'theirs' | null; updatedAt: string;
  declined: { side: Side; reason: string; at: string } | null;
};

export async function listNegotiations(db: Db, actor: UserActor, filter: { side?: Side; status?: 'open' | 'agreed' | 'declined' }): Promise<NegotiationSummary[]> {
  const org = actingOrganisation(actor).id;
  const sides = filter.side === 'buyer' ? sql`n.buyer_org_id = ${org}` : filter.side === 'seller' ? sql`n.seller_org_id = ${org}` : sql`(n.buyer_org_id = ${org} OR n.seller_org_id = ${org})`;
  const { rows } = await db.execute<{
    id: string; listing_region_code: string; listing_id: string; title: string; status: string; agreed_fen: string | null; my_side: Side;
    counterparty: string | null; offers: number; seq: number; side: Side; amount_fen: string; at: Date | string; updated_at: Date | string;
    declined_side: Side | null; decline_reason: string | null; declined_at: Date | string | null;
  }>(sql`
    SELECT n.id, n.listing_region_code, n.listing_id, n.title, n.status, n.agreed_fen::text,
      CASE WHEN n.buyer_org_id = ${org} THEN 'buyer' ELSE 'seller' END AS my_side,
      o.name AS counterparty, last.offers, last.seq, last.side, last.amount_fen::text, last.at, n.updated_at,
      n.declined_side, n.decline_reason, n.declined_at
    FROM market_negotiations n
    JOIN LATERAL (
      SELECT seq, side, amount_fen, at, count(*) OVER ()::int AS offers FROM market_negotiation_offers f
      WHERE f.region_code = n.region_code AND f.negotiation_id = n.id ORDER BY seq DESC LIMIT 1
    ) last ON true
    LEFT JOIN organisations o ON o.id = CASE WHEN n.buyer_org_id = ${org} THEN n.seller_org_id ELSE n.buyer_org_id END
    WHERE ${sides} ${filter.status ? sql`AND n.status = ${filter.status}` : sql``}
    ORDER BY (n.status = 'open' AND last.side <> CASE WHEN n.buyer_org_id = ${org} THEN 'buyer' ELSE 'seller' END) DESC, n.updated_at DESC, n.id
    LIMIT 200`);
  return rows.map((r) => ({
    id: r.id, listingRegionCode: r.listing_region_code, listingId: r.listing_id, title: r.title, status: r.status, agreedFen: r.agreed_fen, mySide: r.my_side,
    counterpartyName: r.counterparty ?? '', offerCount: r.offers, latestOffer: { seq: r.seq, side: r.side, amountFen: r.amount_fen, at: new Date(r.at).toISOString() },
    turn: r.status !== 'open' ? null : r.side === r.my_side ? 'theirs' : 'mine', updatedAt: new Date(r.updated_at).toISOString(),
    declined: r.declined_side && r.declined_at ? { side: r.declined_side, reason: r.decline_reason ?? '', at: new Date(r.declined_at).toISOString() } : null,
  }));
}

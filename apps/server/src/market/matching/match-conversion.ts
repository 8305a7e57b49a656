// Match-to-deal conversion for the bureau: of the pairs an organisation accepted, how many became a deal
// (a row in market_deals for that achievement with the demand's owner as buyer).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';

export async function matchConversion(db: Db, regionCode: string): Promise<{
  suggestedPairsJudged: number; accepted: number; rejected: number; acceptedWithDeal: number; conversionRate: number | null;
  rejectReasons: { reason: string; count: number }[]; byField: { field: string; accepted: number; withDeal: number }[];
}> {
  const rows = await db.execute<{ decision: string; reason: string | null; field: string | null; with_deal: boolean }>(sql`
    SELECT f.decision, f.reason, a.field,
      EXISTS (SELECT 1 FROM market_deals d JOIN market_listings dm ON dm.region_code = f.region_code AND dm.id = f.demand_id
              WHERE d.listing_region_code = f.region_code AND d.listing_id = f.achievement_id AND d.buyer_org_id = dm.owner_org_id) AS with_deal
    FROM market_match_feedback f
    LEFT JOIN market_listings a ON a.region_code = f.region_code AND a.id = f.achievement_id
    WHERE f.region_code = ${regionCode}`);
  const accepted = rows.rows.filter((r) => r.decision === 'accept');
  const withDeal = accepted.filter((r) => r.with_deal).length;
  const reasons = new Map<string, number>();
  for (const r of rows.rows) if (r.decision === 'reject' && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const fields = new Map<string, { accepted: number; withDeal: number }>();
  for (const r of accepted) {
    const f = fields.get(r.field ?? '') ?? { accepted: 0, withDeal: 0 };
    f.accepted += 1;
    if (r.with_deal) f.withDeal += 1;
    fields.set(r.field ?? '', f);
  }
  return {
    suggestedPairsJudged: rows.rows.length, accepted: accepted.length, rejected: rows.rows.length - accepted.length, acceptedWithDeal: withDeal,
    conversionRate: accepted.length === 0 ? null : Math.round((withDeal / accepted.length) * 1e4) / 1e4,
    rejectReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    byField: [...fields].map(([field, v]) => ({ field, ...v })).sort((a, b) => b.accepted - a.accepted),
  };
}

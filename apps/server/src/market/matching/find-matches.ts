// Explained matches. For a demand: the achievements that fit it. For an achievement: the demands that fit
// it and the enterprises behind them and behind past activity in the same field. Candidates come from the
// search index (any shared term, BM25); match-score.ts turns them into a score with its reasons.
import { sql } from 'drizzle-orm';
import { segmenter } from '@kechuang/zh-text';
import type { UserActor } from '../../platform/auth/actor.ts';
import { canSeeOrganisation } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { listingNotFound, loadVisibleListing, type ListingRow } from '../listings/listing-rows.ts';
import type { MatchRejectReason } from '../schema.ts';
import { searchListings, type SearchHit } from '../search/search-listings.ts';
import { combine, learnedWeights, priceFit, trlFit, type MatchParts } from './match-score.ts';

const CANDIDATES = 40;
const SHOWN = 10;
const MAX_QUERY_WORDS = 16;

export type MatchItem = {
  listingId: string | null; organisationId: string; title: string; kind: string; field: string | null; score: number; parts: MatchParts;
  explanation: { sharedTerms: string[]; sameField: boolean; trlFit: string; priceFit: string; sameDistrict: boolean; feedback: string[] };
  decision: 'accept' | 'reject' | null;
};

export async function matchesFor(db: Db, actor: UserActor, regionCode: string, id: string): Promise<{ listingId: string; items: MatchItem[]; enterprises?: MatchItem[] }> {
  const listing = await loadVisibleListing(db, actor, regionCode, id);
  if (!canSeeOrganisation(actor, { regionCode, organisationId: listing.ownerOrgId })) throw listingNotFound();
  const words = [...new Set(segmenter().queryWords(`${listing.title} ${listing.keywords.join(' ')} ${listing.summary.slice(0, 200)}`))].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return { listingId: id, items: [] };
  const other = listing.kind === 'demand' ? 'achievement' : 'demand';
  const found = await searchListings(db, { regionCode, q: words.join(' '), kind: other, mode: 'any', limit: CANDIDATES, excludeIds: [id] });
  const feedback = await feedbackOf(db, regionCode, listing);
  const maxText = Math.max(...found.hits.map((h) => h.score), 1e-9);
  const scored = found.hits.map((hit) => score(listing, hit, maxText, found.terms, feedback))
    .filter((m) => m.decision !== 'reject')
    .sort((a, b) => b.score - a.score || (a.listingId ?? '').localeCompare(b.listingId ?? ''));
  const items = scored.slice(0, SHOWN);
  if (listing.kind === 'demand') return { listingId: id, items };
  return { listingId: id, items, enterprises: await enterprisesFor(db, regionCode, listing, scored) };
}

type Feedback = {
  decisions: Map<string, 'accept' | 'reject'>;
  rejections: Partial<Record<MatchRejectReason, number>>;
  acceptedFields: Set<string>;
  othersFieldRejections: Map<string, number>;
};

async function feedbackOf(db: Db, regionCode: string, listing: ListingRow): Promise<Feedback> {
  const mine = await db.execute<{ counterpart: string; decision: 'accept' | 'reject'; reason: MatchRejectReason | null; field: string | null; this_listing: boolean }>(sql`
    SELECT CASE WHEN f.demand_id = ${listing.id} THEN f.achievement_id ELSE f.demand_id END AS counterpart, f.decision, f.reason, m.field,
           (f.demand_id = ${listing.id} OR f.achievement_id = ${listing.id}) AS this_listing
    FROM market_match_feedback f
    LEFT JOIN market_listings m ON m.region_code = f.region_code
      AND m.id = CASE WHEN ${listing.kind} = 'demand' THEN f.achievement_id ELSE f.demand_id END
    WHERE f.region_code = ${regionCode} AND f.judged_by_org_id = ${listing.ownerOrgId}`);
  const fb: Feedback = { decisions: new Map(), rejections: {}, acceptedFields: new Set(), othersFieldRejections: new Map() };
  for (const row of mine.rows) {
    if (row.this_listing) fb.decisions.set(row.counterpart, row.decision);
    if (row.decision === 'reject' && row.reason) fb.rejections[row.reason] = (fb.rejections[row.reason] ?? 0) + 1;
    if (row.decision === 'accept' && row.field) fb.acceptedFields.add(row.field);
  }
  const column = listing.kind === 'demand' ? sql.raw('achievement_id') : sql.raw('demand_id');
  const others = await db.execute<{ counterpart: string; n: number }>(sql`
    SELECT ${column} AS counterpart, count(*)::int AS n FROM market_match_feedback
    WHERE region_code = ${regionCode} AND judged_by_org_id <> ${listing.ownerOrgId} AND decision = 'reject' AND reason = 'field_mismatch'
    GROUP BY 1`);
  for (const row of others.rows) fb.othersFieldRejections.set(row.counterpart, row.n);
  return fb;
}

function score(listing: ListingRow, hit: SearchHit, maxText: number, terms: string[], fb: Feedback): MatchItem {
  const demand = listing.kind === 'demand' ? { budgetMax: listing.budgetMaxFen } : { budgetMax: hit.budgetMaxFen === null ? null : BigInt(hit.budgetMaxFen) };
  const achievement = listing.kind === 'achievement' ? { trl: listing.trl, price: listing.priceFen } : { trl: hit.trl, price: hit.priceFen === null ? null : BigInt(hit.priceFen) };
  const trl = trlFit(achievement.trl);
  const price = priceFit(achievement.price, demand.budgetMax);
  const sameField = hit.field === listing.field;
  const sameDistrict = hit.districtCode !== null && hit.districtCode === listing.districtCode;
  const parts: MatchParts = { text: Math.round((hit.score / maxText) * 1e4) / 1e4, field: sameField ? 1 : 0, trl: trl.value, price: price.value, region: sameDistrict ? 1 : 0 };
  const othersRejected = fb.othersFieldRejections.get(hit.id) ?? 0;
  const acceptedSameField = fb.acceptedFields.has(hit.field);
  const notes: string[] = [];
  if (acceptedSameField) notes.push('accepted_same_field');
  if (othersRejected > 0) notes.push(`rejected_for_field_by_others:${othersRejected}`);
  for (const [reason, n] of Object.entries(fb.rejections)) if (n) notes.push(`weight_raised_by_rejections:${reason}:${n}`);
  const hitText = [...hit.highlights.title, ...hit.highlights.summary].filter((s) => s.hit).map((s) => s.text.toLowerCase()).join(' ');
  const shared = terms.filter((t) => hitText.includes(t) || hit.keywords.some((k) => k.toLowerCase().includes(t)));
  return {
    listingId: hit.id, organisationId: hit.ownerOrgId, title: hit.title, kind: hit.kind, field: hit.field, parts,
    score: combine(parts, learnedWeights(fb.rejections), { acceptedSameField, othersRejectedForField: othersRejected }),
    explanation: { sharedTerms: shared.slice(0, 10), sameField, trlFit: trl.fit, priceFit: price.fit, sameDistrict, feedback: notes },
    decision: fb.decisions.get(hit.id) ?? null,
  };
}

/** Enterprises for an achievement: the owners of fitting demands, plus enterprises active in its field. */
async function enterprisesFor(db: Db, regionCode: string, listing: ListingRow, demandMatches: MatchItem[]): Promise<MatchItem[]> {
  const activity = await db.execute<{ org_id: string; name: string; n: number; district_code: string | null }>(sql`
    SELECT o.id AS org_id, o.name, count(*)::int AS n, o.district_code FROM market_listings m
    JOIN organisations o ON o.region_code = m.region_code AND o.id = m.owner_org_id
    WHERE m.region_code = ${regionCode} AND m.field = ${listing.field} AND o.kind = 'enterprise' AND m.owner_org_id <> ${listing.ownerOrgId}
      AND m.status IN ('published', 'closed')
    GROUP BY o.id, o.name, o.district_code ORDER BY n DESC, o.id LIMIT 50`);
  const byOrg = new Map<string, MatchItem>();
  for (const m of demandMatches) {
    const current = byOrg.get(m.organisationId);
    if (!current || current.score < m.score) byOrg.set(m.organisationId, { ...m, listingId: null, kind: 'enterprise' });
  }
  for (const a of activity.rows) {
    const activityScore = Math.min(1, a.n / 5);
    const existing = byOrg.get(a.org_id);
    const notes = [`past_listings_in_field:${a.n}`];
    if (existing) {
      existing.score = Math.round((existing.score + 0.1 * activityScore) * 1e4) / 1e4;
      existing.title = a.name;
      existing.explanation = { ...existing.explanation, feedback: [...existing.explanation.feedback, ...notes] };
    } else {
      const parts: MatchParts = { text: 0, field: 1, trl: 0, price: 0, region: a.district_code === listing.districtCode ? 1 : 0 };
      byOrg.set(a.org_id, {
        listingId: null, organisationId: a.org_id, title: a.name, kind: 'enterprise', field: listing.field, parts,
        score: Math.round((0.2 + 0.1 * activityScore + 0.1 * parts.region) * 1e4) / 1e4,
        explanation: { sharedTerms: [], sameField: true, trlFit: 'unknown', priceFit: 'no_budget', sameDistrict: parts.region === 1, feedback: notes },
        decision: null,
      });
    }
  }
  // Names for demand owners not found through activity.
  const missing = [...byOrg.values()].filter((m) => m.kind === 'enterprise' && !activity.rows.some((a) => a.org_id === m.organisationId));
  for (const m of missing) {
    const name = await db.execute<{ name: string }>(sql`SELECT name FROM organisations WHERE region_code = ${regionCode} AND id = ${m.organisationId}`);
    m.title = name.rows[0]?.name ?? m.title;
  }
  return [...byOrg.values()].sort((a, b) => b.score - a.score || a.organisationId.localeCompare(b.organisationId)).slice(0, SHOWN);
}

// 议价: the buyer opens a negotiation with an offer; the sides alternate; accepting the other side's latest
// offer makes the deal at that price; declining ends it without one. Each step locks the negotiation row, so two
// replies cannot cross (an acceptance and a decline sent together: whichever locks first wins, the other is told why).
import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/audit/append-audit.ts';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../../platform/errors/domain-error.ts';
import { actingOrganisation, findPublishedAchievement } from '../deal-lookups.ts';
import { openDeal } from '../open-deal.ts';
import { negotiationOffers, negotiations } from '../schema.ts';
import { judgeAcceptance, judgeDecline, judgeOffer, type Side } from './negotiation-rules.ts';

type NegotiationRow = typeof negotiations.$inferSelect;

export async function startNegotiation(db: Db, actor: UserActor, input: { listingRegionCode: string; listingId: string; amountFen: bigint; message?: string }, now: Date, requestId?: string): Promise<{ id: string }> {
  const org = actingOrganisation(actor);
  const listing = await findPublishedAchievement(db, input.listingRegionCode, input.listingId);
  if (listing.ownerOrgId === org.id) throw new DomainError('own_listing', 'listingId', { zh: '不能与本机构议价', en: 'You cannot negotiate with your own organisation' }, 409);
  const decision = judgeOffer({ status: 'open', offers: [] }, 'buyer', input.amountFen);
  if (!decision.ok) throw new DomainError(decision.code, decision.field, decision.message);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(negotiations).values({ regionCode: listing.regionCode, id, listingRegionCode: listing.regionCode, listingId: listing.id, buyerOrgId: org.id, sellerOrgId: listing.ownerOrgId, title: listing.title, createdAt: now, updatedAt: now });
    await tx.insert(negotiationOffers).values({ regionCode: listing.regionCode, negotiationId: id, seq: 1, side: 'buyer', amountFen: input.amountFen, message: input.message ?? '', userId: actor.userId, at: now });
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: listing.regionCode, action: 'market.negotiation_opened', entityType: 'market_negotiation', entityId: id, after: { amountFen: input.amountFen } });
  });
  return { id };
}

export async function counterOffer(db: Db, actor: UserActor, id: string, input: { amountFen: bigint; message?: string }, now: Date, requestId?: string): Promise<{ seq: number }> {
  return db.transaction(async (tx) => {
    const { row, side, offers } = await lockAsParty(tx, actor, id);
    const decision = judgeOffer({ status: row.status, offers }, side, input.amountFen);
    if (!decision.ok) throw new DomainError(decision.code, decision.field, decision.message, 409);
    const seq = offers.length + 1;
    await tx.insert(negotiationOffers).values({ regionCode: row.regionCode, negotiationId: id, seq, side, amountFen: input.amountFen, message: input.message ?? '', userId: actor.userId, at: now });
    await tx.update(negotiations).set({ updatedAt: now }).where(and(eq(negotiations.regionCode, row.regionCode), eq(negotiations.id, id)));
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: row.regionCode, action: 'market.offer_made', entityType: 'market_negotiation', entityId: id, after: { seq, side, amountFen: input.amountFen } });
    return { seq };
  });
}

export async function acceptOffer(db: Db, actor: UserActor, id: string, now: Date, requestId?: string): Promise<{ dealId: string; contractId: string; priceFen: bigint }> {
  return db.transaction(async (tx) => {
    const { row, side, offers } = await lockAsParty(tx, actor, id);
    const decision = judgeAcceptance({ status: row.status, offers }, side);
    if (!decision.ok) throw new DomainError(decision.code, decision.field, decision.message, 409);
    await tx.update(negotiations).set({ status: 'agreed', agreedFen: decision.priceFen, updatedAt: now }).where(and(eq(negotiations.regionCode, row.regionCode), eq(negotiations.id, id)));
    const listing = await findPublishedAchievement(tx, row.listingRegionCode, row.listingId);
    const audit = auditActorOf(actor, requestId);
    const deal = await openDeal(tx, audit, {
      regionCode: row.regionCode, origin: 'negotiation', originId: id, listing, sellerOrgId: row.sellerOrgId,
      buyerRegionCode: await buyerRegion(tx, row), buyerOrgId: row.buyerOrgId, priceFen: decision.priceFen, now,
    });
    await appendAudit(tx, audit, { regionCode: row.regionCode, action: 'market.offer_accepted', entityType: 'market_negotiation', entityId: id, after: { offerSeq: decision.offerSeq, priceFen: decision.priceFen } });
    return { ...deal, priceFen: decision.priceFen };
  });
}

/** Either party declines while the negotiation is open; the listing is untouched and stays on the market. */
export async function declineNegotiation(db: Db, actor: UserActor, id: string, input: { reason?: string }, now: Date, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, side, offers } = await lockAsParty(tx, actor, id);
    const decision = judgeDecline({ status: row.status, offers });
    if (!decision.ok) throw new DomainError(decision.code, decision.field, decision.message, 409);
    const reason = input.reason?.trim() ?? '';
    await tx.update(negotiations).set({ status: 'declined', declinedSide: side, declinedBy: actor.userId, declinedAt: now, declineReason: reason, updatedAt: now })
      .where(and(eq(negotiations.regionCode, row.regionCode), eq(negotiations.id, id)));
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: row.regionCode, action: 'market.negotiation_declined', entityType: 'market_negotiation', entityId: id,
      before: { status: row.status }, after: { status: 'declined', side, reason, offers: offers.length },
    });
  });
}

export async function getNegotiation(db: Db, actor: UserActor, id: string): Promise<{ negotiation: NegotiationRow; offers: (typeof negotiationOffers.$inferSelect)[]; mySide: Side }> {
  const { row, side } = await lockAsParty(db, actor, id, false);
  const offers = await db.select().from(negotiationOffers).where(and(eq(negotiationOffers.regionCode, row.regionCode), eq(negotiationOffers.negotiationId, id))).orderBy(asc(negotiationOffers.seq));
  return { negotiation: row, offers, mySide: side };
}

async function lockAsParty(tx: Tx | Db, actor: UserActor, id: string, lock = true): Promise<{ row: NegotiationRow; side: Side; offers: { seq: number; side: Side; amountFen: bigint }[] }> {
  const org = actingOrganisation(actor);
  const query = tx.select().from(negotiations).where(eq(negotiations.id, id));
  const row = (lock ? await query.for('update') : await query)[0];
  // Not a party: the negotiation does not exist for you.
  if (!row || (row.buyerOrgId !== org.id && row.sellerOrgId !== org.id)) throw notFound({ zh: '议价', en: 'Negotiation' });
  const offers = await tx.select({ seq: negotiationOffers.seq, side: negotiationOffers.side, amountFen: negotiationOffers.amountFen }).from(negotiationOffers)
    .where(and(eq(negotiationOffers.regionCode, row.regionCode), eq(negotiationOffers.negotiationId, id))).orderBy(asc(negotiationOffers.seq));
  return { row, side: row.buyerOrgId === org.id ? 'buyer' : 'seller', offers };
}

async function buyerRegion(tx: Tx, row: NegotiationRow): Promise<string> {
  const { rows } = await tx.execute<{ region_code: string }>(sql`SELECT region_code FROM organisations WHERE id = ${row.buyerOrgId} LIMIT 1`);
  return rows[0]?.region_code ?? row.regionCode;
}

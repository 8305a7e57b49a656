// Deals of the technology market: fixed-price orders, negotiations, timed public bidding (竞价) and the
// technology contracts registered from them (技术合同认定登记). Listings are another table family
// (../schema.ts) and are referenced by (listing_region_code, listing_id) without a foreign key; the
// title, field and seller are copied at the moment of the deal, as the contract records them.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'bigint' });

/** active: taking bids or waiting to open (the phase follows from the clock); settled: closed and decided. */
export const lotStatuses = ['active', 'settled', 'cancelled'] as const;
export const lotOutcomes = ['sold', 'reserve_not_met', 'no_bids'] as const;

export const auctionLots = pgTable(
  'market_auction_lots',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    listingRegionCode: text('listing_region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    sellerOrgId: uuid('seller_org_id').notNull(),
    title: text('title').notNull(),
    field: text('field').notNull(),
    startsAt: ts('starts_at').notNull(),
    /** The current close, moved by late bids. */
    endsAt: ts('ends_at').notNull(),
    scheduledEndsAt: ts('scheduled_ends_at').notNull(),
    startPriceFen: fen('start_price_fen').notNull(),
    reserveFen: fen('reserve_fen').notNull(),
    incrementFen: fen('increment_fen').notNull(),
    depositFen: fen('deposit_fen').notNull(),
    extensionWindowMs: integer('extension_window_ms').notNull(),
    extensionMs: integer('extension_ms').notNull(),
    status: text('status', { enum: lotStatuses }).notNull().default('active'),
    currentFen: fen('current_fen'),
    bidCount: integer('bid_count').notNull().default(0),
    bidderCount: integer('bidder_count').notNull().default(0),
    /** Hash of the last accepted bid: the head of the public chain. */
    headHash: text('head_hash'),
    outcome: text('outcome', { enum: lotOutcomes }),
    winnerOrgId: uuid('winner_org_id'),
    winningBidSeq: integer('winning_bid_seq'),
    settledAt: ts('settled_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('market_auction_lots_listing').on(t.listingRegionCode, t.listingId),
    index('market_auction_lots_due').on(t.regionCode, t.status, t.endsAt),
    check('market_auction_lots_prices', sql`${t.startPriceFen} > 0 AND ${t.reserveFen} >= ${t.startPriceFen} AND ${t.incrementFen} > 0 AND ${t.depositFen} >= 0`),
  ],
);

/** held while bidding; at the close the winner's is applied to the price and the others' marked for refund. */
export const depositStatuses = ['held', 'applied', 'refund_due', 'refunded'] as const;

/** 竞买登记: one row per bidding organisation and lot, with its paddle number and the recorded deposit. */
export const auctionBidders = pgTable(
  'market_auction_bidders',
  {
    regionCode: text('region_code').notNull(),
    lotId: uuid('lot_id').notNull(),
    orgId: uuid('org_id').notNull(),
    bidderNo: integer('bidder_no').notNull(),
    userId: uuid('user_id'),
    depositFen: fen('deposit_fen').notNull(),
    /** How the deposit was lodged (bank transfer reference …): recorded, not a payment integration. */
    depositReference: text('deposit_reference').notNull(),
    depositStatus: text('deposit_status', { enum: depositStatuses }).notNull().default('held'),
    registeredAt: ts('registered_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.lotId, t.orgId] }),
    uniqueIndex('market_auction_bidders_no').on(t.regionCode, t.lotId, t.bidderNo),
  ],
);

/** Accepted bids only, hash-chained per lot. The unique amount is a second guard behind the row lock. */
export const auctionBids = pgTable(
  'market_auction_bids',
  {
    regionCode: text('region_code').notNull(),
    lotId: uuid('lot_id').notNull(),
    seq: integer('seq').notNull(),
    bidderNo: integer('bidder_no').notNull(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    amountFen: fen('amount_fen').notNull(),
    /** The instant the rules judged, to the millisecond, as hashed (ISO text keeps it exact). */
    placedAt: text('placed_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.lotId, t.seq] }),
    uniqueIndex('market_auction_bids_amount').on(t.regionCode, t.lotId, t.amountFen),
  ],
);

/** Fixed-price purchase (一键购买): the order that becomes a deal at the asking price. */
export const marketOrders = pgTable(
  'market_orders',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    listingRegionCode: text('listing_region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    sellerOrgId: uuid('seller_org_id').notNull(),
    title: text('title').notNull(),
    priceFen: fen('price_fen').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const negotiationStatuses = ['open', 'agreed', 'declined'] as const;

export const negotiations = pgTable(
  'market_negotiations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    listingRegionCode: text('listing_region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    sellerOrgId: uuid('seller_org_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: negotiationStatuses }).notNull().default('open'),
    agreedFen: fen('agreed_fen'),
    // Set together when a party declines: which side, who, when, and the optional reason ('' when none given).
    declinedSide: text('declined_side', { enum: ['buyer', 'seller'] }),
    declinedBy: uuid('declined_by'),
    declinedAt: ts('declined_at'),
    declineReason: text('decline_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('market_negotiations_parties').on(t.regionCode, t.buyerOrgId, t.sellerOrgId),
  ],
);

export const negotiationOffers = pgTable(
  'market_negotiation_offers',
  {
    regionCode: text('region_code').notNull(),
    negotiationId: uuid('negotiation_id').notNull(),
    seq: integer('seq').notNull(),
    side: text('side', { enum: ['buyer', 'seller'] }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    message: text('message').notNull().default(''),
    userId: uuid('user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.negotiationId, t.seq] })],
);

export const dealOrigins = ['fixed_price', 'negotiation', 'auction'] as const;
export type DealOrigin = (typeof dealOrigins)[number];

/**
 * A concluded deal, whichever way it was reached. One row per origin record, and one per listing and buyer:
 * a buyer who negotiated and then also clicked "buy" on the same listing makes one deal, not two.
 */
export const marketDeals = pgTable(
  'market_deals',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    origin: text('origin', { enum: dealOrigins }).notNull(),
    originId: uuid('origin_id').notNull(),
    listingRegionCode: text('listing_region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    buyerRegionCode: text('buyer_region_code').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    sellerOrgId: uuid('seller_org_id').notNull(),
    title: text('title').notNull(),
    field: text('field').notNull(),
    priceFen: fen('price_fen').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('market_deals_origin').on(t.regionCode, t.origin, t.originId),
    uniqueIndex('market_deals_listing_buyer').on(t.regionCode, t.listingRegionCode, t.listingId, t.buyerOrgId),
  ],
);

export const contractTypeValues = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export const contractStatuses = ['draft', 'submitted', 'registered', 'returned'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export type ContractParty = { orgId: string | null; regionCode: string | null; name: string; uscc: string; districtCode: string | null };
export type StoredCost = { item: string; amountFen: string };
export type StoredPayment = { dueOn: string; amountFen: string };

/** 技术合同认定登记. Statistics count `registered` rows only; a deal reaches at most one contract. */
export const techContracts = pgTable(
  'market_tech_contracts',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    /** The market deal this contract records; null for a contract concluded off the platform. */
    dealId: uuid('deal_id'),
    /** The parties' own contract number; with the seller's credit code it identifies an off-platform contract. */
    partiesContractNo: text('parties_contract_no'),
    registrationNo: text('registration_no'),
    type: text('type', { enum: contractTypeValues }).notNull(),
    subtype: text('subtype').notNull(),
    title: text('title').notNull(),
    field: text('field').notNull(),
    /** 卖方 (让与方 / 受托方 / 许可方): the technology's source; statistics by region use its district. */
    seller: jsonb('seller').$type<ContractParty>().notNull(),
    sellerUscc: text('seller_uscc').notNull(),
    sellerDistrictCode: text('seller_district_code'),
    /** 买方 (受让方 / 委托方 / 被许可方). */
    buyer: jsonb('buyer').$type<ContractParty>().notNull(),
    totalFen: fen('total_fen').notNull(),
    nonTechnicalFen: fen('non_technical_fen').notNull(),
    technologyFen: fen('technology_fen').notNull(),
    nonTechnicalCosts: jsonb('non_technical_costs').$type<StoredCost[]>().notNull(),
    payments: jsonb('payments').$type<StoredPayment[]>().notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    status: text('status', { enum: contractStatuses }).notNull().default('draft'),
    reviewNote: text('review_note'),
    ownerOrgId: uuid('owner_org_id'),
    createdBy: uuid('created_by'),
    submittedAt: ts('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    registeredAt: ts('registered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('market_tech_contracts_deal').on(t.regionCode, t.dealId),
    uniqueIndex('market_tech_contracts_parties_no').on(t.regionCode, t.sellerUscc, t.partiesContractNo),
    uniqueIndex('market_tech_contracts_registration_no').on(t.regionCode, t.registrationNo),
    index('market_tech_contracts_stats').on(t.regionCode, t.status, t.registeredAt),
    check('market_tech_contracts_amounts', sql`${t.totalFen} > 0 AND ${t.technologyFen} >= 0 AND ${t.nonTechnicalFen} >= 0 AND ${t.technologyFen} + ${t.nonTechnicalFen} = ${t.totalFen}`),
  ],
);

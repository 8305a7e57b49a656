// Request and response schemas of the deals endpoints. Money travels as a string of integer fen (JSON
// numbers lose precision above 2^53); handlers turn it into bigint.
import { z } from 'zod';
import { contractTypes } from './tech-contracts/contract-rules.ts';
import { statisticsDimensions } from './tech-contracts/contract-statistics.ts';

export const Fen = z.string().regex(/^\d{1,16}$/, '金额以“分”为单位的非负整数字符串 / amount in fen as a string of digits').describe('金额（分）/ amount in fen');
export const RegionCode = z.string().regex(/^\d{6}$/);

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
export const IdParams = z.strictObject({ id: z.uuid() });

export const CreateAuctionRequest = z.strictObject({
  listingRegionCode: RegionCode, listingId: z.uuid(), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }),
  startPriceFen: Fen, reserveFen: Fen, incrementFen: Fen, depositFen: Fen,
  extensionWindowSeconds: z.number().int().min(0).max(3600).default(300), extensionSeconds: z.number().int().min(0).max(3600).default(300),
});

export const RegisterBidderRequest = z.strictObject({
  depositReference: z.string().trim().min(2).max(100).describe('保证金缴纳凭证号（银行流水号等）/ deposit transfer reference'),
});
export const RegisterBidderResponse = z.object({ bidderNo: z.number(), depositFen: z.string() });

export const CancelLotRequest = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const RefundRequest = z.strictObject({ bidderNo: z.number().int().min(1), refundReference: z.string().trim().min(2).max(100) });

export const PlaceBidRequest = z.strictObject({ amountFen: Fen });
export const AcceptedBidBody = z.object({ lotId: z.string(), seq: z.number(), bidderNo: z.number(), amountFen: z.string(), placedAt: z.string(), endsAt: z.string(), extended: z.boolean(), hash: z.string() });

export const LotBody = z.object({
  id: z.string(), regionCode: z.string(), listingRegionCode: z.string(), listingId: z.string(), title: z.string(), field: z.string(), sellerName: z.string(),
  phase: z.enum(['cancelled', 'scheduled', 'open', 'closed']), status: z.string(), startsAt: z.string(), endsAt: z.string(), scheduledEndsAt: z.string(), serverNow: z.string(),
  startPriceFen: z.string(), incrementFen: z.string(), depositFen: z.string(), reserveFen: z.string().nullable(), reserveMet: z.boolean(),
  extensionWindowSeconds: z.number(), extensionSeconds: z.number(), currentFen: z.string().nullable(), minimumNextBidFen: z.string(),
  bidCount: z.number(), bidderCount: z.number(), outcome: z.string().nullable(), winnerBidderNo: z.number().nullable(), headHash: z.string().nullable(),
  isSeller: z.boolean(), myBidderNo: z.number().nullable(), myDepositStatus: z.string().nullable(), iWon: z.boolean(), contractId: z.string().nullable(),
});
export const LotList = z.object({ items: z.array(LotBody) });

export const BidLogBody = z.object({
  lotId: z.string(), settled: z.boolean(), headHash: z.string().nullable(),
  bids: z.array(z.object({ lotId: z.string(), seq: z.number(), bidderNo: z.number(), amountFen: z.string(), placedAt: z.string(), prevHash: z.string(), hash: z.string() })),
  verification: z.object({ ok: z.boolean(), count: z.number().optional(), atSeq: z.number().optional(), problem: z.string().optional() }),
});

export const ListingRefRequest = z.strictObject({ listingRegionCode: RegionCode, listingId: z.uuid() });
export const BuyResponse = z.object({ orderId: z.string(), dealId: z.string(), contractId: z.string(), priceFen: z.string() });

export const StartNegotiationRequest = z.strictObject({ listingRegionCode: RegionCode, listingId: z.uuid(), amountFen: Fen, message: z.string().max(500).optional() });
export const OfferRequest = z.strictObject({ amountFen: Fen, message: z.string().max(500).optional() });
export const DeclineNegotiationRequest = z.strictObject({ reason: z.string().trim().max(500).optional().describe('拒绝理由（可选）/ why, optional') });
const Declined = z.object({ side: z.enum(['buyer', 'seller']), reason: z.string(), at: z.string() }).nullable()
  .describe('拒绝的一方、理由与时间；未拒绝为 null / who declined, why and when; null unless declined');
export const NegotiationBody = z.object({
  id: z.string(), title: z.string(), status: z.string(), agreedFen: z.string().nullable(), mySide: z.enum(['buyer', 'seller']), declined: Declined,
  listingRegionCode: z.string(), listingId: z.string(),
  offers: z.array(z.object({ seq: z.number(), side: z.string(), amountFen: z.string(), message: z.string(), at: z.string() })),
});
export const NegotiationListQuery = z.strictObject({ side: z.enum(['buyer', 'seller']).optional(), status: z.enum(['open', 'agreed', 'declined']).optional() });
export const NegotiationList = z.object({
  items: z.array(z.object({
    id: z.string(), listingRegionCode: z.string(), listingId: z.string(), title: z.string(), status: z.string(), agreedFen: z.string().nullable(),
    mySide: z.enum(['buyer', 'seller']), counterpartyName: z.string(), offerCount: z.number(), declined: Declined,
    latestOffer: z.object({ seq: z.number(), side: z.enum(['buyer', 'seller']), amountFen: z.string(), at: z.string() }),
    turn: z.enum(['mine', 'theirs']).nullable().describe('mine = 轮到本方还价或接受 / your move; theirs = 等待对方 / waiting'), updatedAt: z.string(),
  })),
});
export const DealResponse = z.object({ dealId: z.string(), contractId: z.string(), priceFen: z.string() });

/** A party on the platform is named by `orgId` (its name, credit code and district are then taken from the record). */
const Party = z.strictObject({
  orgId: z.uuid().nullable().optional(), regionCode: RegionCode.nullable().optional(), name: z.string().trim().min(2).max(200).optional(),
  uscc: z.string().trim().length(18).describe('统一社会信用代码 / unified social credit code').optional(), districtCode: RegionCode.nullable().optional(),
});
export const ContractTermsRequest = z.strictObject({
  type: z.enum(contractTypes), subtype: z.string().max(40), title: z.string().trim().min(2).max(200), field: z.string().trim().min(1).max(60),
  seller: Party, buyer: Party, totalFen: Fen, technologyFen: Fen.optional(),
  nonTechnicalCosts: z.array(z.strictObject({ item: z.string().trim().min(1).max(100), amountFen: Fen })).max(50).default([]),
  payments: z.array(z.strictObject({ dueOn: z.iso.date(), amountFen: Fen })).max(120),
  signedOn: z.iso.date().nullable().optional(), partiesContractNo: z.string().trim().max(60).nullable().optional(),
});
const Localised = z.object({ zh: z.string(), en: z.string() });
export const ContractFieldDictionary = z.object({
  fields: z.array(z.object({ key: z.string(), label: Localised, required: z.boolean(), meaning: Localised, rule: Localised })),
  types: z.array(z.object({ key: z.string(), label: Localised, subtypes: z.array(z.object({ key: z.string(), label: Localised })) })),
  technologyFields: z.array(Localised).describe('技术领域目录（按中文名存储）/ the technology fields, stored by the Chinese name'),
});
export const ReviewRequest = z.strictObject({ decision: z.enum(['register', 'return']), note: z.string().max(500).optional() });

const PartyBody = z.object({ orgId: z.string().nullable(), regionCode: z.string().nullable(), name: z.string(), uscc: z.string(), districtCode: z.string().nullable() });
export const ContractBody = z.object({
  id: z.string(), regionCode: z.string(), dealId: z.string().nullable(), registrationNo: z.string().nullable(), type: z.string(), subtype: z.string(),
  title: z.string(), field: z.string(), seller: PartyBody, buyer: PartyBody, totalFen: z.string(), nonTechnicalFen: z.string(), technologyFen: z.string(),
  nonTechnicalCosts: z.array(z.object({ item: z.string(), amountFen: z.string() })), payments: z.array(z.object({ dueOn: z.string(), amountFen: z.string() })),
  signedOn: z.string().nullable(), partiesContractNo: z.string().nullable(), status: z.string(), reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(), registeredAt: z.string().nullable(), updatedAt: z.string(),
});
export const ContractList = z.object({ items: z.array(ContractBody) });
export const ContractListQuery = z.strictObject({ status: z.enum(['draft', 'submitted', 'registered', 'returned']).optional() });

const StatRow = z.object({ key: z.string(), label: z.string(), labelEn: z.string(), contracts: z.number(), totalFen: z.string(), technologyFen: z.string() });
export const StatisticsQuery = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const StatisticsBody = z.object({
  regionCode: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  totals: z.object({ contracts: z.number(), totalFen: z.string(), technologyFen: z.string() }),
  by: z.object(Object.fromEntries(statisticsDimensions.map((d) => [d, z.array(StatRow)])) as Record<(typeof statisticsDimensions)[number], z.ZodArray<typeof StatRow>>),
});

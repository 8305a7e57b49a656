// Request and response schemas of the market's listing, search and matching endpoints (also the OpenAPI).
import { z } from 'zod';
import { listingKinds, listingStatuses, matchRejectReasons, transferModes } from './schema.ts';
import { listingActions } from './listings/listing-workflow.ts';
import { priceBands } from './search/ranking.ts';

const fen = z.string().regex(/^\d{1,15}$/, '金额以分为单位的整数字符串 / amount in fen as an integer string');
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v), z.array(item).max(20));

export const Patent = z.strictObject({ number: z.string().trim().min(3).max(40), status: z.enum(['granted', 'pending', 'lapsed', 'other']) });
/** As sent: format, check digit and status are judged by listings/patent-rules.ts, which names the item and part. */
const PatentInput = z.strictObject({
  number: z.string().trim().max(60).describe('申请号/专利号（如 ZL201710601862.3）或公开号（如 CN112345678A）/ application, patent or publication number'),
  status: z.string().max(20).describe('granted 有效 | pending 审中 | lapsed 失效 | other 其他'),
});
export const ListingFile = z.strictObject({ name: z.string().trim().min(1).max(200), sizeBytes: z.number().int().min(0).max(2 ** 40), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const listingFields = {
  title: z.string().trim().min(4).max(120),
  summary: z.string().trim().max(5000).default(''),
  field: z.string().trim().min(2).max(40),
  keywords: z.array(z.string().trim().min(1).max(30)).max(12).default([]),
  trl: z.number().int().min(1).max(9).nullable().optional(),
  patents: z.array(PatentInput).max(50).optional(),
  transferModes: z.array(z.enum(transferModes)).max(4).optional(),
  priceFen: fen.nullable().optional().describe('要价（分），null 为面议 / asking price in fen, null = negotiable'),
  budgetMinFen: fen.nullable().optional(),
  budgetMaxFen: fen.nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
  files: z.array(ListingFile).max(20).optional(),
};

export const CreateListingRequest = z.strictObject({
  kind: z.enum(listingKinds),
  ownerOrgId: z.uuid().optional().describe('仅科技局代录时填写 / only when the bureau records for an organisation'),
  externalId: z.string().trim().min(1).max(64).optional(),
  ...listingFields,
});
export type CreateListingInput = z.infer<typeof CreateListingRequest>;

export const UpdateListingRequest = z.strictObject({
  title: listingFields.title.optional(), summary: z.string().trim().max(5000).optional(), field: listingFields.field.optional(),
  keywords: z.array(z.string().trim().min(1).max(30)).max(12).optional(), trl: listingFields.trl, patents: listingFields.patents,
  transferModes: listingFields.transferModes, priceFen: listingFields.priceFen, budgetMinFen: listingFields.budgetMinFen,
  budgetMaxFen: listingFields.budgetMaxFen, deadline: listingFields.deadline, files: listingFields.files,
});
export type UpdateListingInput = z.infer<typeof UpdateListingRequest>;

export const TransitionRequest = z.strictObject({ action: z.enum(listingActions), reason: z.string().trim().max(500).optional() });
export const LinkRequest = z.strictObject({ linkedListingId: z.uuid(), note: z.string().trim().max(500).optional() });

export const Listing = z.object({
  id: z.string(), regionCode: z.string(), kind: z.enum(listingKinds), ownerOrgId: z.string(), ownerName: z.string().nullable(),
  externalId: z.string().nullable(), title: z.string(), summary: z.string(), field: z.string(), keywords: z.array(z.string()),
  trl: z.number().nullable(), patents: z.array(Patent), transferModes: z.array(z.enum(transferModes)), priceFen: z.string().nullable(),
  budgetMinFen: z.string().nullable(), budgetMaxFen: z.string().nullable(), deadline: z.string().nullable(), files: z.array(ListingFile),
  districtCode: z.string().nullable(), status: z.enum(listingStatuses), statusReason: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(), publishedAt: z.string().nullable(),
  history: z.array(z.object({ seq: z.number(), fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string().nullable(), at: z.string() })).optional(),
  links: z.array(z.object({ linkedListingId: z.string(), title: z.string().nullable(), note: z.string().nullable() })).optional(),
});
export type ListingBody = z.infer<typeof Listing>;
export const ListingList = z.object({ items: z.array(Listing), total: z.number() });
export const MyListingsQuery = z.object({ kind: z.enum(listingKinds).optional(), status: z.enum(listingStatuses).optional() });
export const IdParams = z.object({ id: z.uuid() });

const Segment = z.object({ text: z.string(), hit: z.boolean() });
const Facet = z.array(z.object({ value: z.string(), count: z.number() }));
export const SearchHit = z.object({
  id: z.string(), kind: z.enum(listingKinds), title: z.string(), field: z.string(), keywords: z.array(z.string()), trl: z.number().nullable(),
  priceFen: z.string().nullable(), budgetMinFen: z.string().nullable(), budgetMaxFen: z.string().nullable(), districtCode: z.string().nullable(),
  ownerOrgId: z.string(), publishedAt: z.string().nullable(), score: z.number(),
  highlights: z.object({ title: z.array(Segment), summary: z.array(Segment) }),
});
export const SearchQuery = z.object({
  q: z.string().max(2000).optional(), kind: z.enum(listingKinds).optional(), field: list(z.string().max(40)).optional(),
  trlMin: z.coerce.number().int().min(1).max(9).optional(), trlMax: z.coerce.number().int().min(1).max(9).optional(),
  priceBand: list(z.enum(priceBands)).optional(), district: list(z.string().regex(/^\d{6}$/)).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(), cursor: z.string().max(4000).optional(), region: z.string().regex(/^\d{6}$/).optional(),
});
export const SearchResponse = z.object({
  query: z.string().nullable(), mode: z.enum(['all', 'any', 'fuzzy', 'browse']), terms: z.array(z.string()), total: z.number(), totalCapped: z.boolean(),
  hits: z.array(SearchHit), nextCursor: z.string().nullable(),
  facets: z.object({ kind: Facet, field: Facet, trl: Facet, priceBand: Facet, district: Facet }).nullable(),
  regionNames: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })).optional(),
});

export const MatchExplanation = z.object({
  sharedTerms: z.array(z.string()), sameField: z.boolean(), trlFit: z.string(), priceFit: z.string(), sameDistrict: z.boolean(),
  feedback: z.array(z.string()),
});
export const MatchItem = z.object({
  listingId: z.string().nullable(), organisationId: z.string(), title: z.string(), kind: z.string(), field: z.string().nullable(),
  score: z.number(), parts: z.record(z.string(), z.number()), explanation: MatchExplanation,
  decision: z.enum(['accept', 'reject']).nullable(),
});
export const MatchList = z.object({ listingId: z.string(), items: z.array(MatchItem), enterprises: z.array(MatchItem).optional() });
export const FeedbackRequest = z.strictObject({
  counterpartId: z.uuid(), decision: z.enum(['accept', 'reject']), reason: z.enum(matchRejectReasons).optional(), note: z.string().trim().max(500).optional(),
});
export const ConversionResponse = z.object({
  suggestedPairsJudged: z.number(), accepted: z.number(), rejected: z.number(), acceptedWithDeal: z.number(), conversionRate: z.number().nullable(),
  rejectReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  byField: z.array(z.object({ field: z.string(), accepted: z.number(), withDeal: z.number() })),
});

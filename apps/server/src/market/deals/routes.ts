// HTTP wiring of market deals: auctions (with the live event stream), fixed-price purchase, negotiation,
// and technology contract registration and statistics.
import { SYSTEM_ACTOR, type UserActor } from '../../platform/auth/actor.ts';
import { BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { AppContext } from '../../platform/http/build-app.ts';
import { AuctionEvents } from './auctions/auction-events.ts';
import { verifyBidChain } from './auctions/bid-chain.ts';
import { createAuction } from './auctions/create-auction.ts';
import { placeBid } from './auctions/place-bid.ts';
import { getBidLog, getLot, listLots } from './auctions/read-auction.ts';
import { registerBidder } from './auctions/register-bidder.ts';
import { cancelLot, markDepositRefunded } from './auctions/manage-lot.ts';
import { dueLots, settleAuction } from './auctions/settle-auction.ts';
import {
  AcceptedBidBody, BidLogBody, BuyResponse, ContractBody, ContractFieldDictionary, ContractList, ContractListQuery, ContractTermsRequest, CreateAuctionRequest, DealResponse,
  CancelLotRequest, DeclineNegotiationRequest, ErrorResponse, IdParams, RefundRequest, ListingRefRequest, LotBody, LotList, NegotiationBody, NegotiationList, NegotiationListQuery, OfferRequest, PlaceBidRequest, RegisterBidderRequest,
  RegisterBidderResponse, ReviewRequest, StartNegotiationRequest, StatisticsBody, StatisticsQuery,
} from './contracts.ts';
import { buyListing } from './orders/buy-listing.ts';
import { listNegotiations } from './orders/list-negotiations.ts';
import { acceptOffer, counterOffer, declineNegotiation, getNegotiation, startNegotiation } from './orders/negotiate.ts';
import { CONTRACT_FIELDS } from './tech-contracts/contract-fields.ts';
import { resolveParty, type ContractTermsInput } from './tech-contracts/contract-input.ts';
import { CONTRACT_SUBTYPE_NAMES, CONTRACT_TYPE_NAMES, contractSubtypes, contractTypes } from './tech-contracts/contract-rules.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { createContract, getContract, listContracts, reviewContract, submitContract, updateContract } from './tech-contracts/contract-operations.ts';
import { contractStatistics, statisticsWorkbook } from './tech-contracts/contract-statistics.ts';
import { TECHNOLOGY_FIELDS } from './tech-contracts/technology-fields.ts';
import type { techContracts } from './schema.ts';
import { z } from 'zod';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const TAGS = ['market-deals'];

export function registerDealsRoutes(api: ApiApp, { database }: AppContext, options: { sweepMs?: number } = {}): AuctionEvents {
  const { db } = database;
  const events = new AuctionEvents();
  const now = () => new Date();

  // Settles lots whose close has passed, so winners see their contract without anyone asking.
  const sweep = async () => {
    for (const id of await dueLots(db, now())) {
      const result = await settleAuction(db, SYSTEM_ACTOR, id, now());
      if (result.settled) events.publish({ type: 'settled', lotId: id, outcome: result.outcome?.sold ? 'sold' : (result.outcome?.sold === false ? result.outcome.reason : 'unknown') });
    }
  };
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep().catch((err: Error) => api.log.error({ err }, 'auction sweep failed')).finally(() => { sweeping = false; });
  }, options.sweepMs ?? 1000);
  timer.unref();
  api.addHook('onClose', async () => clearInterval(timer));

  // ---- auctions
  api.get('/market/auctions', {
    config: { access: 'public' },
    schema: { tags: TAGS, summary: '竞价标的列表 / Auction lots', response: { 200: LotList } },
  }, async (request) => ({ items: await listLots(db, request.actor, now()) }));

  api.post('/market/auctions', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '发起竞价 / Put an achievement up for public bidding', body: CreateAuctionRequest, response: { 201: LotBody, ...errors } },
  }, async (request, reply) => {
    const b = request.body;
    const { id } = await createAuction(db, request.actor as UserActor, {
      listingRegionCode: b.listingRegionCode, listingId: b.listingId, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt),
      startPriceFen: BigInt(b.startPriceFen), reserveFen: BigInt(b.reserveFen), incrementFen: BigInt(b.incrementFen), depositFen: BigInt(b.depositFen),
      extensionWindowSeconds: b.extensionWindowSeconds, extensionSeconds: b.extensionSeconds,
    }, now(), request.id);
    return reply.code(201).send(await getLot(db, request.actor, id, now()));
  });

  api.get('/market/auctions/:id', {
    config: { access: 'public' },
    schema: { tags: TAGS, summary: '竞价标的 / Auction lot', params: IdParams, response: { 200: LotBody, 404: ErrorResponse } },
  }, async (request) => {
    await settleAuction(db, SYSTEM_ACTOR, request.params.id, now()).catch(() => undefined);
    return getLot(db, request.actor, request.params.id, now());
  });

  api.post('/market/auctions/:id/registrations', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '报名竞买并登记保证金 / Register to bid, recording the deposit', params: IdParams, body: RegisterBidderRequest, response: { 201: RegisterBidderResponse, ...errors } },
  }, async (request, reply) => {
    const r = await registerBidder(db, request.actor as UserActor, { lotId: request.params.id, depositReference: request.body.depositReference }, now(), request.id);
    return reply.code(201).send({ bidderNo: r.bidderNo, depositFen: r.depositFen.toString() });
  });

  api.post('/market/auctions/:id/bids', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '出价 / Place a bid', params: IdParams, body: PlaceBidRequest, response: { 201: AcceptedBidBody, ...errors } },
  }, async (request, reply) => {
    const bid = await placeBid(db, request.actor as UserActor, { lotId: request.params.id, amountFen: BigInt(request.body.amountFen) }, now(), request.id);
    events.publish({ type: 'bid', lotId: bid.lotId, seq: bid.seq, bidderNo: bid.bidderNo, amountFen: bid.amountFen.toString(), endsAt: bid.endsAt.toISOString(), extended: bid.extended, placedAt: bid.placedAt });
    return reply.code(201).send({ ...bid, amountFen: bid.amountFen.toString(), endsAt: bid.endsAt.toISOString() });
  });

  api.get('/market/auctions/:id/bid-log', {
    config: { access: 'public' },
    schema: { tags: TAGS, summary: '公开出价记录（哈希链）/ Public hash-chained bid log', params: IdParams, response: { 200: BidLogBody, 404: ErrorResponse } },
  }, async (request) => {
    const log = await getBidLog(db, request.params.id);
    return { ...log, verification: verifyBidChain(log.lotId, log.bids, log.headHash) };
  });

  api.get('/market/auctions/:id/events', {
    config: { access: 'public' },
    schema: { tags: TAGS, summary: '实时价格（server-sent events）/ Live price stream', params: IdParams },
  }, async (request, reply) => {
    const lotId = request.params.id;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    const unsubscribe = events.subscribe(lotId, (event) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(`: ${Date.now()}\n\n`), 15_000);
    request.raw.on('close', () => { clearInterval(heartbeat); unsubscribe(); });
  });

  api.post('/market/auctions/:id/cancel', {
    config: { access: BUREAU_ROLES },
    schema: { tags: TAGS, summary: '撤销竞价（无出价时）/ Cancel a lot without bids', params: IdParams, body: CancelLotRequest, response: { 200: LotBody, ...errors } },
  }, async (request) => {
    await cancelLot(db, request.actor as UserActor, request.params.id, request.body.reason, request.id);
    return getLot(db, request.actor, request.params.id, now());
  });

  api.post('/market/auctions/:id/refunds', {
    config: { access: BUREAU_ROLES },
    schema: { tags: TAGS, summary: '登记保证金已退还 / Record a deposit as refunded', params: IdParams, body: RefundRequest, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await markDepositRefunded(db, request.actor as UserActor, request.params.id, request.body.bidderNo, request.body.refundReference, request.id);
    return reply.code(204).send(null);
  });

  // ---- fixed price and negotiation
  api.post('/market/orders', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '按挂牌价购买 / Buy at the asking price', body: ListingRefRequest, response: { 201: BuyResponse, ...errors } },
  }, async (request, reply) => {
    const r = await buyListing(db, request.actor as UserActor, request.body, now(), request.id);
    return reply.code(201).send({ ...r, priceFen: r.priceFen.toString() });
  });

  api.post('/market/negotiations', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '发起议价 / Open a negotiation with an offer', body: StartNegotiationRequest, response: { 201: NegotiationBody, ...errors } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    const { id } = await startNegotiation(db, actor, { ...request.body, amountFen: BigInt(request.body.amountFen) }, now(), request.id);
    return reply.code(201).send(await negotiationBody(id, actor));
  });

  api.get('/market/negotiations', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '我的议价（卖方与买方）/ My negotiations, as seller and as buyer', querystring: NegotiationListQuery, response: { 200: NegotiationList, ...errors } },
  }, async (request) => ({ items: await listNegotiations(db, request.actor as UserActor, request.query) }));

  api.get('/market/negotiations/:id', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '议价详情 / Negotiation', params: IdParams, response: { 200: NegotiationBody, ...errors } },
  }, async (request) => negotiationBody(request.params.id, request.actor as UserActor));

  api.post('/market/negotiations/:id/offers', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '还价 / Counter-offer', params: IdParams, body: OfferRequest, response: { 201: NegotiationBody, ...errors } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    await counterOffer(db, actor, request.params.id, { ...request.body, amountFen: BigInt(request.body.amountFen) }, now(), request.id);
    return reply.code(201).send(await negotiationBody(request.params.id, actor));
  });

  api.post('/market/negotiations/:id/accept', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '接受对方报价 / Accept the other side\'s offer', params: IdParams, response: { 201: DealResponse, ...errors } },
  }, async (request, reply) => {
    const r = await acceptOffer(db, request.actor as UserActor, request.params.id, now(), request.id);
    return reply.code(201).send({ ...r, priceFen: r.priceFen.toString() });
  });

  api.post('/market/negotiations/:id/decline', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '拒绝议价（任一方，达成前）/ Decline a negotiation (either party, before agreement)', params: IdParams, body: DeclineNegotiationRequest.nullish(), response: { 200: NegotiationBody, ...errors } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    // The reason is optional, and so is the body: a plain POST declines.
    await declineNegotiation(db, actor, request.params.id, request.body ?? {}, now(), request.id);
    return negotiationBody(request.params.id, actor);
  });

  async function negotiationBody(id: string, actor: UserActor): Promise<z.infer<typeof NegotiationBody>> {
    const { negotiation, offers, mySide } = await getNegotiation(db, actor, id);
    const { declinedSide, declinedAt } = negotiation;
    return {
      id, title: negotiation.title, status: negotiation.status, agreedFen: negotiation.agreedFen?.toString() ?? null, mySide,
      listingRegionCode: negotiation.listingRegionCode, listingId: negotiation.listingId,
      declined: declinedSide && declinedAt ? { side: declinedSide, reason: negotiation.declineReason ?? '', at: declinedAt.toISOString() } : null,
      offers: offers.map((o) => ({ seq: o.seq, side: o.side, amountFen: o.amountFen.toString(), message: o.message, at: o.at.toISOString() })),
    };
  }

  // ---- technology contracts
  api.get('/market/contracts', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '技术合同（按权限范围）/ Technology contracts in your scope', querystring: ContractListQuery, response: { 200: ContractList } },
  }, async (request) => ({ items: (await listContracts(db, request.actor as UserActor, request.query)).map(contractBody) }));

  api.post('/market/contracts', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '录入技术合同 / Record a technology contract', body: ContractTermsRequest, response: { 201: ContractBody, ...errors } },
  }, async (request, reply) => reply.code(201).send(contractBody(await createContract(db, request.actor as UserActor, await termsOf(db, request.body), request.id))));

  api.get('/market/contract-fields', {
    config: { access: 'public' },
    schema: { tags: TAGS, summary: '技术合同字段说明与类型表 / Field dictionary and official types of a technology contract', response: { 200: ContractFieldDictionary } },
  }, async () => ({
    fields: [...CONTRACT_FIELDS],
    types: contractTypes.map((type) => ({
      key: type, label: CONTRACT_TYPE_NAMES[type],
      subtypes: contractSubtypes[type].map((sub) => ({ key: sub, label: CONTRACT_SUBTYPE_NAMES[`${type}.${sub}`]! })),
    })),
    technologyFields: [...TECHNOLOGY_FIELDS],
  }));

  api.get('/market/contracts/:id', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '技术合同 / Technology contract', params: IdParams, response: { 200: ContractBody, ...errors } },
  }, async (request) => contractBody(await getContract(db, request.actor as UserActor, request.params.id)));

  api.put('/market/contracts/:id', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '修改合同草稿 / Edit a draft or returned contract', params: IdParams, body: ContractTermsRequest, response: { 200: ContractBody, ...errors } },
  }, async (request) => contractBody(await updateContract(db, request.actor as UserActor, request.params.id, await termsOf(db, request.body), request.id)));

  api.post('/market/contracts/:id/submit', {
    config: { access: 'authenticated' },
    schema: { tags: TAGS, summary: '提交认定登记 / Submit for registration', params: IdParams, response: { 200: ContractBody, ...errors } },
  }, async (request) => contractBody(await submitContract(db, request.actor as UserActor, request.params.id, request.id)));

  api.post('/market/contracts/:id/review', {
    config: { access: BUREAU_ROLES },
    schema: { tags: TAGS, summary: '认定登记或退回 / Register or return', params: IdParams, body: ReviewRequest, response: { 200: ContractBody, ...errors } },
  }, async (request) => contractBody(await reviewContract(db, request.actor as UserActor, request.params.id, request.body, now(), request.id)));

  api.get('/market/contract-statistics', {
    config: { access: BUREAU_ROLES },
    schema: { tags: TAGS, summary: '技术合同登记统计 / Registered contract statistics', querystring: StatisticsQuery, response: { 200: StatisticsBody, 403: ErrorResponse } },
  }, async (request) => contractStatistics(db, request.actor as UserActor, request.query));

  api.get('/market/contract-statistics.xlsx', {
    config: { access: BUREAU_ROLES },
    schema: { tags: TAGS, summary: '统计导出 Excel / Statistics as Excel', querystring: StatisticsQuery },
  }, async (request, reply) => {
    const stats = await contractStatistics(db, request.actor as UserActor, request.query);
    const file = await statisticsWorkbook(stats);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tech-contracts-${stats.regionCode}.xlsx"`)
      .send(file);
  });

  return events;
}

async function termsOf(db: Db, b: z.infer<typeof ContractTermsRequest>): Promise<ContractTermsInput> {
  return {
    ...b, seller: await resolveParty(db, b.seller, 'seller'), buyer: await resolveParty(db, b.buyer, 'buyer'), totalFen: BigInt(b.totalFen), technologyFen: b.technologyFen === undefined ? undefined : BigInt(b.technologyFen),
    nonTechnicalCosts: b.nonTechnicalCosts.map((c) => ({ item: c.item, amountFen: BigInt(c.amountFen) })),
    payments: b.payments.map((p) => ({ dueOn: p.dueOn, amountFen: BigInt(p.amountFen) })),
  };
}

function contractBody(row: typeof techContracts.$inferSelect): z.infer<typeof ContractBody> {
  return {
    id: row.id, regionCode: row.regionCode, dealId: row.dealId, registrationNo: row.registrationNo, type: row.type, subtype: row.subtype,
    title: row.title, field: row.field, seller: row.seller, buyer: row.buyer, totalFen: row.totalFen.toString(), nonTechnicalFen: row.nonTechnicalFen.toString(),
    technologyFen: row.technologyFen.toString(), nonTechnicalCosts: row.nonTechnicalCosts, payments: row.payments, signedOn: row.signedOn,
    partiesContractNo: row.partiesContractNo, status: row.status, reviewNote: row.reviewNote, submittedAt: row.submittedAt?.toISOString() ?? null,
    registeredAt: row.registeredAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString(),
  };
}

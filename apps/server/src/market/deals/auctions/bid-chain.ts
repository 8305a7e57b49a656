// The public bid log of one lot is a hash chain: each accepted bid's hash covers the previous hash and the
// bid itself, so after the close anyone can download the log, recompute every link and compare the last
// hash with the head published on the lot. A bid removed, inserted, reordered or altered breaks the chain.
import crypto from 'node:crypto';
import { canonicalJson } from '../../../platform/audit/audit-hash.ts';

export const BID_CHAIN_GENESIS = '0'.repeat(64);

/** What is published per bid. Bidders appear by their paddle number (竞买号), not by name. */
export type PublicBid = {
  lotId: string;
  seq: number;
  bidderNo: number;
  amountFen: string;
  placedAt: string;
};

export type ChainedBid = PublicBid & { prevHash: string; hash: string };

export function bidHash(prevHash: string, bid: PublicBid): string {
  const body: PublicBid = { lotId: bid.lotId, seq: bid.seq, bidderNo: bid.bidderNo, amountFen: bid.amountFen, placedAt: bid.placedAt };
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(body)).digest('hex');
}

export function chainBid(prevHash: string, bid: PublicBid): ChainedBid {
  return { ...bid, prevHash, hash: bidHash(prevHash, bid) };
}

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; atSeq: number; problem: 'sequence' | 'link' | 'hash' | 'lot' | 'not_increasing' | 'head' };

/**
 * Re-walks a lot's log: sequence 1, 2, 3 …, each link to the previous hash, each hash recomputed, amounts
 * strictly increasing, and (when given) the last hash equal to the head published at the close.
 */
export function verifyBidChain(lotId: string, bids: readonly ChainedBid[], publishedHead?: string | null): ChainVerdict {
  let prev = BID_CHAIN_GENESIS;
  let lastAmount = -1n;
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i]!;
    if (bid.lotId !== lotId) return { ok: false, atSeq: bid.seq, problem: 'lot' };
    if (bid.seq !== i + 1) return { ok: false, atSeq: bid.seq, problem: 'sequence' };
    if (bid.prevHash !== prev) return { ok: false, atSeq: bid.seq, problem: 'link' };
    if (bidHash(prev, bid) !== bid.hash) return { ok: false, atSeq: bid.seq, problem: 'hash' };
    const amount = BigInt(bid.amountFen);
    if (amount <= lastAmount) return { ok: false, atSeq: bid.seq, problem: 'not_increasing' };
    lastAmount = amount;
    prev = bid.hash;
  }
  if (publishedHead !== undefined && publishedHead !== null && publishedHead !== prev) {
    return { ok: false, atSeq: bids.length, problem: 'head' };
  }
  return { ok: true, count: bids.length, headHash: prev };
}

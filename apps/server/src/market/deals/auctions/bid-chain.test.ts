import { describe, expect, test } from 'vitest';
import { BID_CHAIN_GENESIS, chainBid, verifyBidChain, type ChainedBid } from './bid-chain.ts';

function buildLog(lotId: string, amounts: number[]): ChainedBid[] {
  const log: ChainedBid[] = [];
  let prev = BID_CHAIN_GENESIS;
  amounts.forEach((amount, i) => {
    const bid = chainBid(prev, { lotId, seq: i + 1, bidderNo: (i % 3) + 1, amountFen: String(amount), placedAt: new Date(Date.UTC(2025, 5, 1, 9, 0, i)).toISOString() });
    log.push(bid);
    prev = bid.hash;
  });
  return log;
}

describe('the public bid log', () => {
  const log = buildLog('lot-1', [100, 150, 200, 260]);

  test('an intact log verifies and its head is the last hash', () => {
    expect(verifyBidChain('lot-1', log, log.at(-1)!.hash)).toEqual({ ok: true, count: 4, headHash: log.at(-1)!.hash });
  });
  test('an altered amount breaks the hash of that bid', () => {
    const forged = log.map((b) => (b.seq === 3 ? { ...b, amountFen: '199' } : b));
    expect(verifyBidChain('lot-1', forged)).toEqual({ ok: false, atSeq: 3, problem: 'hash' });
  });
  test('a removed bid breaks the sequence', () => {
    expect(verifyBidChain('lot-1', [log[0]!, log[2]!, log[3]!])).toMatchObject({ ok: false, problem: 'sequence' });
  });
  test('a truncated log no longer matches the published head', () => {
    expect(verifyBidChain('lot-1', log.slice(0, 3), log.at(-1)!.hash)).toEqual({ ok: false, atSeq: 3, problem: 'head' });
  });
  test('a log of another lot does not verify as this one', () => {
    expect(verifyBidChain('lot-2', log)).toMatchObject({ ok: false, problem: 'lot' });
  });
  test('a re-hashed log with a non-increasing bid is still caught', () => {
    const bad = buildLog('lot-1', [100, 150, 150]);
    expect(verifyBidChain('lot-1', bad)).toEqual({ ok: false, atSeq: 3, problem: 'not_increasing' });
  });
  test('a swapped bidder number breaks the hash', () => {
    const forged = log.map((b) => (b.seq === 2 ? { ...b, bidderNo: 9 } : b));
    expect(verifyBidChain('lot-1', forged)).toEqual({ ok: false, atSeq: 2, problem: 'hash' });
  });
});

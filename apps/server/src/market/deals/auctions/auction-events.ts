// Live price and countdown for the auction page: after a bid commits, its lot's subscribers (server-sent
// event streams) get the new price and close. One process, one hub; the page re-reads the lot on connect,
// so an event missed while reconnecting costs nothing.
export type LotEvent =
  | { type: 'bid'; lotId: string; seq: number; bidderNo: number; amountFen: string; endsAt: string; extended: boolean; placedAt: string }
  | { type: 'settled'; lotId: string; outcome: string };

type Listener = (event: LotEvent) => void;

export class AuctionEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(lotId: string, listener: Listener): () => void {
    let set = this.listeners.get(lotId);
    if (!set) this.listeners.set(lotId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(lotId);
    };
  }

  publish(event: LotEvent): void {
    for (const listener of this.listeners.get(event.lotId) ?? []) listener(event);
  }

  subscriberCount(lotId: string): number {
    return this.listeners.get(lotId)?.size ?? 0;
  }
}

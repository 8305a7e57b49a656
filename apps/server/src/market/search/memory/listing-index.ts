// One region's published listings held in memory for search: per listing the values filters and facets
// need, per term a postings list (listing slots in ascending order, with the term's field-weighted
// frequency in that listing). Listings are appended in slots; a listing that changes or leaves search has
// its slot marked dead and, when it is still published, gets a new slot. Dead slots are dropped when they
// reach a quarter of all slots (compaction renumbers the live ones, keeping their order).
import { ensureCapacity } from './growable.ts';

export type IndexedListing = {
  id: string;
  /** The transaction that wrote this version (search_xid): the same version applied twice is a no-op. */
  version: string;
  published: boolean;
  publishedAtMs: number;
  kind: 'achievement' | 'demand';
  field: string;
  trl: number | null;
  priceBand: PriceBandCode;
  districtCode: string | null;
  length: number;
  terms: readonly string[];
  ranks: readonly number[];
};

export const PRICE_BAND_CODES = ['negotiable', 'lt_100k', '100k_500k', '500k_1m', '1m_5m', 'ge_5m'] as const;
export type PriceBandCode = (typeof PRICE_BAND_CODES)[number];
export const KIND_CODES = ['achievement', 'demand'] as const;

/** Postings of one term: slots ascending; ranks[i] belongs to slots[i]. */
export class Postings {
  slots = new Int32Array(4);
  ranks = new Float32Array(4);
  size = 0;

  push(slot: number, rank: number): void {
    if (this.size === this.slots.length) {
      this.slots = ensureCapacity(this.slots, this.size + 1, Int32Array);
      this.ranks = ensureCapacity(this.ranks, this.size + 1, Float32Array);
    }
    this.slots[this.size] = slot;
    this.ranks[this.size] = rank;
    this.size += 1;
  }
}

/** Strings (fields, districts) as small integers; code 0 is "none". */
export class Interner {
  readonly names: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  codeOf(name: string | null): number {
    if (name === null) return 0;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
    }
    return code;
  }

  /** The code of a known name, or -1 (a filter on a value no listing has matches nothing). */
  find(name: string): number {
    return this.codes.get(name) ?? -1;
  }
}

/**
 * Per slot, four 32-bit words read together (one cache line holds four listings): a search touches a
 * listing's filters, facets and length at once, and reading them from separate arrays cost a cache miss each.
 */
export const META_WORDS = 4;
/** Word 0: bit 0 alive, bit 1 demand, bits 2–5 TRL (0: none), bits 6–8 price band. */
export const ALIVE = 1;
export const metaKind = (w0: number): number => (w0 >> 1) & 1;
export const metaTrl = (w0: number): number => (w0 >> 2) & 15;
export const metaBand = (w0: number): number => (w0 >> 6) & 7;
/** Word 1: field code. Word 2: search length. Word 3: district code. */

export class ListingIndex {
  /** Slots in use, dead ones included. */
  slotCount = 0;
  deadCount = 0;
  ids: string[] = [];
  versions: string[] = [];
  meta = new Int32Array(0);
  publishedAt = new Float64Array(0);
  /** The latest publication time held: a search as of a later moment need not compare times. */
  latestPublishedAt = -Infinity;
  readonly fieldNames = new Interner();
  readonly districtNames = new Interner();
  readonly postings = new Map<string, Postings>();
  private readonly slotOf = new Map<string, number>();

  /** Listings in search now. */
  get liveCount(): number {
    return this.slotCount - this.deadCount;
  }

  isAlive(slot: number): boolean {
    return (this.meta[slot * META_WORDS]! & ALIVE) !== 0;
  }

  lengthOf(slot: number): number {
    return this.meta[slot * META_WORDS + 2]!;
  }

  /** Applies a listing's current state: adds, replaces or removes it. Applying the same version again changes nothing. */
  apply(listing: IndexedListing): void {
    const old = this.slotOf.get(listing.id);
    if (old !== undefined) {
      if (this.versions[old] === listing.version) return;
      this.meta[old * META_WORDS] = this.meta[old * META_WORDS]! & ~ALIVE;
      this.deadCount += 1;
      this.slotOf.delete(listing.id);
    }
    if (listing.published) this.append(listing);
    if (this.deadCount > 1024 && this.deadCount * 4 > this.slotCount) this.compact();
  }

  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  private append(l: IndexedListing): void {
    const slot = this.slotCount;
    const needed = slot + 1;
    this.meta = ensureCapacity(this.meta, needed * META_WORDS, Int32Array);
    this.publishedAt = ensureCapacity(this.publishedAt, needed, Float64Array);
    this.ids[slot] = l.id;
    this.versions[slot] = l.version;
    const m = slot * META_WORDS;
    this.meta[m] = ALIVE | ((l.kind === 'demand' ? 1 : 0) << 1) | ((l.trl ?? 0) << 2) | (PRICE_BAND_CODES.indexOf(l.priceBand) << 6);
    this.meta[m + 1] = this.fieldNames.codeOf(l.field);
    this.meta[m + 2] = l.length;
    this.meta[m + 3] = this.districtNames.codeOf(l.districtCode);
    this.publishedAt[slot] = l.publishedAtMs;
    if (l.publishedAtMs > this.latestPublishedAt) this.latestPublishedAt = l.publishedAtMs;
    for (let i = 0; i < l.terms.length; i += 1) {
      const term = l.terms[i]!;
      let list = this.postings.get(term);
      if (!list) { list = new Postings(); this.postings.set(term, list); }
      list.push(slot, l.ranks[i]!);
    }
    this.slotOf.set(l.id, slot);
    this.slotCount = needed;
  }

  /** Renumbers the live slots 0…n−1 in their order and drops the dead ones from every postings list. */
  compact(): void {
    const newSlot = new Int32Array(this.slotCount);
    let next = 0;
    for (let s = 0; s < this.slotCount; s += 1) newSlot[s] = this.isAlive(s) ? next++ : -1;
    const ids: string[] = new Array<string>(next);
    const versions: string[] = new Array<string>(next);
    for (let s = 0; s < this.slotCount; s += 1) {
      const to = newSlot[s]!;
      if (to < 0) continue;
      // to ≤ s: moving forward in place never overwrites a slot still to be read.
      this.meta.copyWithin(to * META_WORDS, s * META_WORDS, (s + 1) * META_WORDS);
      this.publishedAt[to] = this.publishedAt[s]!;
      ids[to] = this.ids[s]!;
      versions[to] = this.versions[s]!;
      this.slotOf.set(this.ids[s]!, to);
    }
    for (const [term, list] of this.postings) {
      let n = 0;
      for (let i = 0; i < list.size; i += 1) {
        const to = newSlot[list.slots[i]!]!;
        if (to >= 0) { list.slots[n] = to; list.ranks[n] = list.ranks[i]!; n += 1; }
      }
      if (n === 0) this.postings.delete(term);
      else list.size = n;
    }
    this.ids = ids;
    this.versions = versions;
    this.slotCount = next;
    this.deadCount = 0;
  }
}

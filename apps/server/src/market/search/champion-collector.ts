// Champion lists of a bulk import, collected in memory while it runs: per term a bounded min-heap (typed
// arrays) of the listings with the highest impact, so that when the import's statistics are applied the
// lists are written once, instead of being built from the GIN index term by term as terms become frequent.
import { BM25_B } from './ranking.ts';
import { CHAMPIONS_PER_TERM, type ChampionDoc } from './champions.ts';
import { TermDictionary } from './term-dictionary.ts';

type Heap = { impact: Float32Array; tf: Float32Array; doc: Int32Array; size: number; count: number };

/** A collected listing without its terms (they are in the heaps). */
export type ChampionDocMeta = Omit<ChampionDoc, 'terms' | 'ranks'>;
export type CollectedEntry = { term: string; doc: ChampionDocMeta; tf: number };

/**
 * Terms are kept by number (see term-dictionary.ts): listings whose search columns were computed by the
 * segmentation workers arrive with their terms already numbered in `dictionary` (`addNumbered`).
 */
export class ChampionCollector {
  readonly dictionary = new TermDictionary();
  /** By term number. */
  readonly #heaps: (Heap | undefined)[] = [];
  readonly #docs: ChampionDocMeta[] = [];
  /** Length norm reference: the first documents' average (entries are re-weighed when written). */
  #avgLength = 0;

  add(docs: readonly ChampionDoc[]): void {
    this.addNumbered(docs.map(({ terms, ranks, ...doc }) => ({ doc, termIds: terms.map((t) => this.dictionary.idOf(t)), ranks })));
  }

  /** Listings whose terms are numbers of `dictionary`, with each term's rank. */
  addNumbered(docs: readonly { doc: ChampionDocMeta; termIds: ArrayLike<number>; ranks: ArrayLike<number> }[]): void {
    if (this.#avgLength === 0 && docs.length > 0) this.#avgLength = Math.max(1, docs.reduce((s, d) => s + d.doc.length, 0) / docs.length);
    for (const { doc, termIds, ranks } of docs) {
      const index = this.#docs.push(doc) - 1;
      const norm = 1 - BM25_B + BM25_B * doc.length / this.#avgLength;
      for (let j = 0; j < termIds.length; j += 1) push(this.#heap(termIds[j]!), ranks[j]! / norm, ranks[j]!, index);
    }
  }

  /** How many collected listings contain the term (all of them, not only those kept). */
  count(term: string): number {
    const id = this.dictionary.find(term);
    return id === undefined ? 0 : this.#heaps[id]?.count ?? 0;
  }

  /** Every term seen with how many collected listings contain it: the import's document frequencies. */
  termCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.#heaps.forEach((h, id) => { if (h) counts.set(this.dictionary.terms[id]!, h.count); });
    return counts;
  }

  /** The kept entries of the given terms, each term's by listing id. */
  *entries(terms: Iterable<string>): Generator<CollectedEntry> {
    for (const term of terms) {
      const id = this.dictionary.find(term);
      const h = id === undefined ? undefined : this.#heaps[id];
      if (!h) continue;
      const order = Array.from({ length: h.size }, (_, i) => i).sort((a, b) => (this.#docs[h.doc[a]!]!.id < this.#docs[h.doc[b]!]!.id ? -1 : 1));
      for (const i of order) yield { term, doc: this.#docs[h.doc[i]!]!, tf: h.tf[i]! };
    }
  }

  #heap(termId: number): Heap {
    let h = this.#heaps[termId];
    if (!h) {
      h = { impact: new Float32Array(4), tf: new Float32Array(4), doc: new Int32Array(4), size: 0, count: 0 };
      // A term numbered (by the pool) but in no collected listing yet has no heap: its slot is left empty.
      while (this.#heaps.length < termId) this.#heaps.push(undefined);
      this.#heaps[termId] = h;
    }
    return h;
  }
}

function push(h: Heap, impact: number, tf: number, doc: number): void {
  h.count += 1;
  if (h.size < CHAMPIONS_PER_TERM) {
    if (h.size === h.impact.length) grow(h);
    let i = h.size++;
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h.impact[parent]! <= impact) break;
      move(h, parent, i);
      i = parent;
    }
    set(h, i, impact, tf, doc);
    return;
  }
  if (impact <= h.impact[0]!) return;
  // Replace the weakest and sift down.
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= h.size) break;
    const r = l + 1;
    const c = r < h.size && h.impact[r]! < h.impact[l]! ? r : l;
    if (h.impact[c]! >= impact) break;
    move(h, c, i);
    i = c;
  }
  set(h, i, impact, tf, doc);
}

function grow(h: Heap): void {
  const cap = Math.min(CHAMPIONS_PER_TERM, h.impact.length * 2);
  const impact = new Float32Array(cap); impact.set(h.impact); h.impact = impact;
  const tf = new Float32Array(cap); tf.set(h.tf); h.tf = tf;
  const doc = new Int32Array(cap); doc.set(h.doc); h.doc = doc;
}

function move(h: Heap, from: number, to: number): void {
  h.impact[to] = h.impact[from]!; h.tf[to] = h.tf[from]!; h.doc[to] = h.doc[from]!;
}

function set(h: Heap, i: number, impact: number, tf: number, doc: number): void {
  h.impact[i] = impact; h.tf[i] = tf; h.doc[i] = doc;
}

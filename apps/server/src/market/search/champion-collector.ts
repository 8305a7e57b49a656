// Champion lists of a bulk import, collected in memory while it runs: per term a bounded min-heap (typed
// arrays) of the listings with the highest impact, so that when the import's statistics are applied the
// lists are written once, instead of being built from the GIN index term by term as terms become frequent.
import { BM25_B } from './ranking.ts';
import { CHAMPIONS_PER_TERM, type ChampionDoc } from './champions.ts';

type Heap = { impact: Float32Array; tf: Float32Array; doc: Int32Array; size: number; count: number };

export type CollectedEntry = { term: string; doc: ChampionDoc; tf: number };

export class ChampionCollector {
  readonly #heaps = new Map<string, Heap>();
  readonly #docs: ChampionDoc[] = [];
  /** Length norm reference: the first documents' average (entries are re-weighed when written). */
  #avgLength = 0;

  add(docs: readonly ChampionDoc[]): void {
    if (this.#avgLength === 0 && docs.length > 0) this.#avgLength = Math.max(1, docs.reduce((s, d) => s + d.length, 0) / docs.length);
    for (const d of docs) {
      const index = this.#docs.push({ ...d, terms: [], ranks: [] }) - 1;
      const norm = 1 - BM25_B + BM25_B * d.length / this.#avgLength;
      for (let j = 0; j < d.terms.length; j += 1) push(this.#heap(d.terms[j]!), d.ranks[j]! / norm, d.ranks[j]!, index);
    }
  }

  /** How many collected listings contain the term (all of them, not only those kept). */
  count(term: string): number {
    return this.#heaps.get(term)?.count ?? 0;
  }

  /** The kept entries of the given terms, each term's by listing id. */
  *entries(terms: Iterable<string>): Generator<CollectedEntry> {
    for (const term of terms) {
      const h = this.#heaps.get(term);
      if (!h) continue;
      const order = Array.from({ length: h.size }, (_, i) => i).sort((a, b) => (this.#docs[h.doc[a]!]!.id < this.#docs[h.doc[b]!]!.id ? -1 : 1));
      for (const i of order) yield { term, doc: this.#docs[h.doc[i]!]!, tf: h.tf[i]! };
    }
  }

  #heap(term: string): Heap {
    let h = this.#heaps.get(term);
    if (!h) {
      h = { impact: new Float32Array(4), tf: new Float32Array(4), doc: new Int32Array(4), size: 0, count: 0 };
      this.#heaps.set(term, h);
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

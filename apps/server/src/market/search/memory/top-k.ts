// The k best (score, id) pairs seen so far: a min-heap whose root is the worst kept entry. "Better" is a
// higher score, then the smaller id — the order search pages are cut in (ORDER BY score DESC, id).

export class TopK {
  private readonly slots: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number, private readonly ids: readonly string[]) {
    this.slots = new Int32Array(Math.max(1, k));
    this.scores = new Float64Array(Math.max(1, k));
  }

  offer(slot: number, score: number): void {
    // Most entries of a broad search rank below the k-th best kept: turned away on the score alone.
    if (this.size === this.k && score < this.scores[0]!) return;
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(slot, score, this.slots[parent]!, this.scores[parent]!)) break;
        this.slots[i] = this.slots[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.slots[i] = slot;
      this.scores[i] = score;
      return;
    }
    if (!this.worse(this.slots[0]!, this.scores[0]!, slot, score)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(this.slots[right]!, this.scores[right]!, this.slots[left]!, this.scores[left]!) ? right : left;
      if (!this.worse(this.slots[child]!, this.scores[child]!, slot, score)) break;
      this.slots[i] = this.slots[child]!;
      this.scores[i] = this.scores[child]!;
      i = child;
    }
    this.slots[i] = slot;
    this.scores[i] = score;
  }

  /** Best first. */
  sorted(): { slot: number; score: number }[] {
    const out: { slot: number; score: number }[] = [];
    for (let i = 0; i < this.size; i += 1) out.push({ slot: this.slots[i]!, score: this.scores[i]! });
    return out.sort((a, b) => (b.score - a.score) || (this.ids[a.slot]! < this.ids[b.slot]! ? -1 : this.ids[a.slot]! > this.ids[b.slot]! ? 1 : 0));
  }

  /** Whether entry a ranks below entry b. */
  private worse(slotA: number, scoreA: number, slotB: number, scoreB: number): boolean {
    if (scoreA !== scoreB) return scoreA < scoreB;
    return this.ids[slotA]! > this.ids[slotB]!;
  }
}

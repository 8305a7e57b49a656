// Terms numbered in the order they are first seen. A bulk import counts terms and keeps champion heaps per
// term for every listing; with numbers those are array slots, where string keys cost a hash of a freshly
// received string for each term of each listing (a third of the import's main-thread time).

export class TermDictionary {
  /** `terms[id]`: the term numbered `id`. */
  readonly terms: string[] = [];
  readonly #ids = new Map<string, number>();

  /** The term's number, given one if it has none yet. */
  idOf(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.#ids.set(term, id);
    }
    return id;
  }

  /** The term's number, if it has one. */
  find(term: string): number | undefined {
    return this.#ids.get(term);
  }
}

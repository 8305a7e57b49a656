// The (credit code, year) pairs an import has met, with the row that first gave each: a fiscal year given twice
// in one file is refused naming that row. Held in a UsccTable; `get`/`set` take validateRow's `code|year` keys,
// so the general row validator and the reader's fast path share one record.
import { keyOfText, UsccTable, withYear } from './uscc-table.ts';

export class SeenFiscalYears {
  readonly table = new UsccTable(1 << 16);
  /** Keys that are not a valid code and a year (validateRow never makes one; kept exact all the same). */
  private readonly other = new Map<string, number>();

  get(codeAndYear: string): number | undefined {
    if (!this.keyOf(codeAndYear)) return this.other.get(codeAndYear);
    const row = this.table.get();
    return row < 0 ? undefined : row;
  }

  set(codeAndYear: string, row: number): this {
    if (this.keyOf(codeAndYear)) this.table.set(row);
    else this.other.set(codeAndYear, row);
    return this;
  }

  /** `code|year` → the table's key. */
  private keyOf(codeAndYear: string): boolean {
    const year = codeAndYear.slice(19);
    if (codeAndYear.charCodeAt(18) !== 124 || !/^\d{4}$/.test(year) || !keyOfText(codeAndYear.slice(0, 18))) return false;
    withYear(Number(year));
    return true;
  }
}

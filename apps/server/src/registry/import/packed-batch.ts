// A batch of validated rows packed as the COPY text of each target table, made where the rows are validated
// (in the import's reader thread, batch-builder.ts). The writer sends it to PostgreSQL as it is when none of the
// batch's enterprises is registered yet — the whole of a first import — and only splits it into lines otherwise.
// The texts are bytes: they move from the reader thread to the writer without a copy (transferred) and go to
// the socket without being encoded again.
import { copyValue } from '../../platform/database/copy-in.ts';
import { BatchBuilder } from './batch-builder.ts';
import type { ImportRow } from './validate-row.ts';

export const FISCAL_COLUMNS = ['sales_revenue_fen', 'operating_revenue_fen', 'main_business_revenue_fen', 'high_tech_revenue_fen', 'total_revenue_fen',
  'rd_expense_fen', 'rd_expense_domestic_fen', 'costs_and_expenses_fen', 'total_assets_fen', 'total_liabilities_fen', 'net_assets_fen', 'net_profit_fen',
  'employees', 'science_staff', 'rd_staff', 'conversions'] as const;
export const PROFILE_COLUMNS = ['founded_on', 'industry_code', 'tech_field', 'cluster', 'listed', 'ip_counts'] as const;

/**
 * Each table's lines, `\n`-terminated, each starting with the region code and the organisation id the reader
 * gave the enterprise (the writer swaps in the registered id where there is one). Organisations and profiles
 * (with the IP counts, as jsonb) hold one line per enterprise: the enterprise's last row in the batch wins.
 * Fiscal years hold one line per row. An organisation line holds the enterprise's credit code (column 5).
 */
export type PackedBatch = {
  rows: number;
  firstRow: number;
  lastRow: number;
  /** Sheet row of each fiscal line. */
  rowNumbers: number[];
  /** Distinct enterprises: the organisation lines. */
  enterprises: number;
  organisations: Uint8Array;
  profiles: Uint8Array;
  fiscal: Uint8Array;
};

/** The batch's byte arrays, to transfer rather than copy between threads. */
export function transferListOf(b: PackedBatch): ArrayBuffer[] {
  return [b.organisations, b.profiles, b.fiscal].map((a) => a.buffer as ArrayBuffer);
}

/** Where a line's organisation id starts: after the region code and a tab. */
export const idOffset = (regionCode: string): number => copyValue(regionCode).length + 1;

/** Rows validated elsewhere (an edit, the demo) packed like the reader's. */
export function packBatch(regionCode: string, rows: readonly ImportRow[], newId: () => string): PackedBatch {
  const b = new BatchBuilder(regionCode, newId);
  for (const r of rows) b.addRow(r);
  return b.finish();
}

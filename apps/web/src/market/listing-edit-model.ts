// The draft edit form: a listing ↔ form values, the PATCH body, and where a server error's field goes. Pure.
import { optionalYuanToFen } from './amount.ts';
import { fenToYuan } from './deals/money.ts';
import type { Listing } from './market-api.ts';

/** The ten clusters of the demo city, offered as fields; a listing's own field is kept when it is another. */
export const LISTING_FIELDS = ['光电元器件', '农机装备', '航空装备', '高端轴承', '耐火材料', '生物医药', '电子化工材料', '人工智能', '新能源电池', '电子显示材料'];

export const PATENT_STATUSES = ['granted', 'pending', 'lapsed', 'other'] as const;
export type PatentValues = { number: string; status: string };

export type ListingEditValues = {
  title: string; summary: string; field: string; keywords: string; trl: number | null; transferModes: string[]; amount: string; deadline: string;
  patents: PatentValues[];
};

export function listingValuesOf(l: Listing): ListingEditValues {
  const fen = l.kind === 'achievement' ? l.priceFen : l.budgetMaxFen;
  return {
    title: l.title, summary: l.summary, field: l.field, keywords: l.keywords.join('、'), trl: l.trl, transferModes: [...l.transferModes],
    amount: fen === null ? '' : fenToYuan(fen).replace(/,/g, ''), deadline: l.deadline ?? '',
    patents: l.patents.map((p) => ({ number: p.number, status: p.status })),
  };
}

export function splitKeywords(text: string): string[] {
  return text.split(/[,，;；、\s]+/).map((k) => k.trim()).filter((k) => k !== '');
}

/** The PATCH body for the listing's kind, or the form field that is malformed. */
export function listingPatch(kind: Listing['kind'], v: ListingEditValues): { ok: true; body: Record<string, unknown> } | { ok: false; field: 'amount' } {
  const amount = optionalYuanToFen(v.amount);
  if (!amount.ok) return { ok: false, field: 'amount' };
  const common = { title: v.title.trim(), summary: v.summary.trim(), field: v.field, keywords: splitKeywords(v.keywords) };
  return {
    ok: true,
    body: kind === 'achievement'
      ? { ...common, trl: v.trl, transferModes: v.transferModes, priceFen: amount.fen, patents: patentsOf(v.patents) }
      : { ...common, budgetMaxFen: amount.fen, deadline: v.deadline || null },
  };
}

/** The patents to send: the filled rows, trimmed. */
function patentsOf(rows: readonly PatentValues[]): PatentValues[] {
  return filledPatentRows(rows).map((p) => ({ number: p.number.trim(), status: p.status }));
}

/**
 * Rows with a number (a row added and left empty is dropped). The form keeps only these before saving, so a
 * server error on `patents.<i>` points at the row the user sees in position i.
 */
export function filledPatentRows(rows: readonly PatentValues[] | undefined): PatentValues[] {
  return (rows ?? []).filter((p) => (p.number ?? '').trim() !== '');
}

/** A server error's field (`priceFen`, `keywords.3`, `patents.1.number` …) → the form field it belongs to. */
export function listingFormField(field: string | null): keyof ListingEditValues | ['patents', number, 'number' | 'status'] | null {
  if (!field) return null;
  const patent = /^patents\.(\d+)\.(number|status)$/.exec(field);
  if (patent) return ['patents', Number(patent[1]), patent[2] as 'number' | 'status'];
  const head = field.split('.')[0]!;
  if (head === 'priceFen' || head === 'budgetMaxFen' || head === 'budgetMinFen') return 'amount';
  const known: (keyof ListingEditValues)[] = ['title', 'summary', 'field', 'keywords', 'trl', 'transferModes', 'deadline'];
  return known.includes(head as keyof ListingEditValues) ? (head as keyof ListingEditValues) : null;
}

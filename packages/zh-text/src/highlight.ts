// Marks where the query's words occur in a text, for display. Returns plain segments (never HTML), so the
// page decides how to render them and no listing text is ever interpreted as markup.
export type Segment = { text: string; hit: boolean };

export function highlight(text: string, spellings: readonly string[]): Segment[] {
  const lower = text.normalize('NFKC').toLowerCase();
  // NFKC can change lengths (rare ligatures); only then fall back to the unmarked text.
  if (lower.length !== text.length) return [{ text, hit: false }];
  const marks = new Array<boolean>(text.length).fill(false);
  for (const spelling of spellings) {
    if (spelling === '') continue;
    for (let at = lower.indexOf(spelling); at !== -1; at = lower.indexOf(spelling, at + 1)) {
      for (let i = at; i < at + spelling.length; i += 1) marks[i] = true;
    }
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const last = out.at(-1);
    if (last && last.hit === marks[i]) last.text += text[i];
    else out.push({ text: text[i]!, hit: marks[i]! });
  }
  return out;
}

/** A window of about `width` characters around the first hit, with ellipses where it was cut. */
export function snippet(text: string, spellings: readonly string[], width = 120): Segment[] {
  if (text.length <= width) return highlight(text, spellings);
  const lower = text.toLowerCase();
  const firstHit = Math.min(...spellings.map((s) => lower.indexOf(s)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = firstHit === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, firstHit - Math.floor(width / 4));
  const end = Math.min(text.length, start + width);
  const segments = highlight(text.slice(start, end), spellings);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return segments;
}

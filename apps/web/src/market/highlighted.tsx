import type { Segment } from './market-api.ts';

/** Highlight segments from the API as text with <mark>; never HTML from the server. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

// Graded relevance of a generated listing to a labelled query, from what the listing is about (its
// primary and secondary concepts and its product, recorded by the generator). Grades 0–3:
//   2 — the listing is mainly about a wanted concept; 1 — it only mentions one;
//   +1 — it is also about the wanted product, or covers every wanted concept. Capped at 3.
import type { DemoListing } from '../../demo/generate-demo-listings.ts';
import type { LabelledQuery } from './labelled-queries.ts';

export function grade(query: LabelledQuery, listing: Pick<DemoListing, 'primary' | 'secondary' | 'product'>): number {
  const wanted = query.wants.concepts;
  const about = [listing.primary, ...listing.secondary];
  const base = wanted.includes(listing.primary) ? 2 : wanted.some((c) => listing.secondary.includes(c)) ? 1 : 0;
  if (base === 0) return 0;
  const productBonus = query.wants.product !== undefined && listing.product === query.wants.product ? 1 : 0;
  const coverBonus = wanted.length > 1 && wanted.every((c) => about.includes(c)) ? 1 : 0;
  return Math.min(3, base + productBonus + coverBonus);
}

/** nDCG@k with gains 2^grade − 1; the ideal ranking is every judged listing sorted by grade. */
export function ndcgAt(k: number, ranked: readonly number[], allGrades: readonly number[]): number {
  const dcg = (grades: readonly number[]): number => grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Share of the listings graded at least `minGrade` that appear in the first k results. */
export function recallAt(k: number, ranked: readonly number[], allGrades: readonly number[], minGrade = 2): number {
  const relevant = allGrades.filter((g) => g >= minGrade).length;
  if (relevant === 0) return 0;
  return ranked.slice(0, k).filter((g) => g >= minGrade).length / relevant;
}

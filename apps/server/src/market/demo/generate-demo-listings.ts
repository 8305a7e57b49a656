// Generates the demo city's listings from the catalogue with a fixed seed (pure): the same listings on
// every machine, each with the concepts it is about (the ground truth of the labelled search queries).
import {
  ACHIEVEMENT_TITLE_TEMPLATES, ADJECTIVES, DEMAND_TITLE_TEMPLATES, DEMO_CLUSTERS, SUMMARY_OPENINGS, type Cluster, type Concept,
} from './demo-catalogue.ts';
import { seededRandom } from '../../platform/random/seeded-random.ts';
import { applicationCheckDigit } from '../listings/patent-rules.ts';

export type DemoListing = {
  externalId: string; kind: 'achievement' | 'demand'; ownerIndex: number; title: string; summary: string; field: string; keywords: string[];
  trl: number | null; priceFen: bigint | null; budgetMinFen: bigint | null; budgetMaxFen: bigint | null; transferModes: string[];
  patents: { number: string; status: 'granted' | 'pending' }[]; deadline: string | null;
  status: 'draft' | 'submitted' | 'published' | 'closed'; daysAgo: number;
  /** Ground truth: the concept the listing is mainly about, and the ones it also covers. */
  primary: string; secondary: string[]; product: string;
};


export function generateDemoListings(options: { achievements: number; demands: number; owners: number; seed?: number }): DemoListing[] {
  const rand = seededRandom(options.seed ?? 20250401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const spell = (concept: Concept): string => (rand() < 0.7 ? concept.spellings[0]! : pick(concept.spellings));
  const out: DemoListing[] = [];
  const total = options.achievements + options.demands;
  for (let i = 0; i < total; i += 1) {
    const kind = i < options.achievements ? 'achievement' : 'demand';
    const cluster: Cluster = DEMO_CLUSTERS[i % DEMO_CLUSTERS.length]!;
    const primary = pick(cluster.concepts);
    const others = cluster.concepts.filter((x) => x.key !== primary.key);
    const secondary = rand() < 0.6 ? [pick(others)] : [];
    const product = pick(cluster.products);
    const problem = pick(cluster.problems);
    const other = secondary[0] ? spell(secondary[0]) : pick(['深度学习', '数字孪生', '有限元仿真', '物联网', '多目标优化']);
    const template = kind === 'achievement' ? pick(ACHIEVEMENT_TITLE_TEMPLATES) : pick(DEMAND_TITLE_TEMPLATES);
    const title = template.replace('{adj}', pick(ADJECTIVES)).replace('{concept}', spell(primary)).replace('{product}', product)
      .replace('{problem}', problem).replace('{other}', other);
    const opening = pick(SUMMARY_OPENINGS).replace('{field}', cluster.field);
    const summary = kind === 'achievement'
      ? `${opening}围绕${spell(primary)}${product}开展攻关，解决了${problem}等问题。${secondary[0] ? `成果同时适用于${spell(secondary[0])}相关场景，` : ''}已在洛阳${pick(['涧西', '洛龙', '西工', '偃师', '孟津'])}完成${pick(['小试', '中试', '示范应用', '批量生产'])}，关键指标达到国内先进水平。`
      : `我公司在${cluster.field}领域生产中面临${spell(primary)}${problem}的问题，${secondary[0] ? `并涉及${spell(secondary[0])}，` : ''}希望与高校院所合作，开发${product}，要求可在现有产线上实施，成果归属协商确定。`;
    const keywords = [primary.spellings[0]!, ...secondary.map((s) => s.spellings[0]!), product];
    const trl = kind === 'achievement' ? 3 + Math.floor(rand() * 7) : null;
    const price = kind === 'achievement' && rand() < 0.8 ? BigInt(Math.round((5 + rand() * 495) * 10) * 100_000) : null; // 5万–500万
    const budgetMax = kind === 'demand' && rand() < 0.85 ? BigInt(Math.round((10 + rand() * 290) * 10) * 100_000) : null;
    const roll = rand();
    const status = roll < 0.88 ? 'published' : roll < 0.94 ? 'closed' : roll < 0.97 ? 'submitted' : 'draft';
    out.push({
      externalId: `DEMO-${kind === 'achievement' ? 'A' : 'D'}-${String(i + 1).padStart(5, '0')}`, kind, ownerIndex: Math.floor(rand() * options.owners),
      title, summary, field: cluster.field, keywords, trl, priceFen: price, budgetMinFen: budgetMax === null ? null : budgetMax / 2n, budgetMaxFen: budgetMax,
      transferModes: kind === 'achievement' ? [pick(['transfer', 'licence', 'equity', 'co_development'])] : [],
      patents: kind === 'achievement' && rand() < 0.6 ? [demoPatent(rand)] : [],
      deadline: kind === 'demand' ? `2027-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-28` : null,
      status, daysAgo: Math.floor(rand() * 700), primary: primary.key, secondary: secondary.map((s) => s.key), product,
    });
  }
  return out;
}

/**
 * An invention patent with a valid check digit; "ZL" only once granted. Draws from `rand` exactly as many times,
 * in the same order, as the corpus always did (year, serial, a draw once used as the check digit, status), so the
 * rest of the seeded corpus does not move.
 */
function demoPatent(rand: () => number): { number: string; status: 'granted' | 'pending' } {
  const digits = `20${18 + Math.floor(rand() * 7)}1${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
  rand();
  const status = rand() < 0.8 ? 'granted' : 'pending';
  return { number: `${status === 'granted' ? 'ZL' : ''}${digits}.${applicationCheckDigit(digits)}`, status };
}

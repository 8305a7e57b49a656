// Pure: the tier ladders (梯次) and what "within reach" means. Two ladders run side by side, as the two
// ministries run them: the science ladder (科技型中小企业 → 高新技术企业 → 瞪羚 → 独角兽) and the industry
// ladder (创新型中小企业 → 专精特新 → “小巨人”). On each ladder an enterprise's tier is the highest rung it
// holds a valid certificate for; its next tier is the rung above; it is within reach of that tier when the
// engine says qualified or undetermined, or not qualified by at most MAX_UNMET criteria.
import type { RuleResult } from '@kechuang/qualifications';

export const LADDERS = {
  science: ['tech-sme', 'hnte', 'gazelle', 'unicorn'],
  industry: ['innovative-sme', 'specialized-sme', 'little-giant'],
} as const;
export type LadderName = keyof typeof LADDERS;
export const TIERS = [...LADDERS.science, ...LADDERS.industry] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, { zh: string; en: string }> = {
  'tech-sme': { zh: '科技型中小企业', en: 'Tech-based SME' },
  hnte: { zh: '高新技术企业', en: 'High and new technology enterprise' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle' },
  unicorn: { zh: '独角兽企业', en: 'Unicorn' },
  'innovative-sme': { zh: '创新型中小企业', en: 'Innovative SME' },
  'specialized-sme': { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME' },
  'little-giant': { zh: '专精特新“小巨人”', en: '"Little giant"' },
};

/** The stated gap: at most this many unmet criteria still counts as within reach. */
export const MAX_UNMET = 2;

export type HeldCertificate = { kind: string; validFrom: string; validUntil: string };

export function isTier(s: string): s is Tier {
  return (TIERS as readonly string[]).includes(s);
}

/** Highest rung of `ladder` with a certificate valid on `on` (validFrom ≤ on ≤ validUntil), or null. */
export function currentTier(certs: readonly HeldCertificate[], on: string, ladder: LadderName = 'science'): Tier | null {
  const rungs: readonly string[] = LADDERS[ladder];
  let best = -1;
  for (const c of certs) {
    const i = rungs.indexOf(c.kind);
    if (i > best && c.validFrom <= on && on <= c.validUntil) best = i;
  }
  return best < 0 ? null : (rungs[best] as Tier);
}

export function nextTier(current: Tier | null, ladder: LadderName = 'science'): Tier | null {
  const rungs: readonly string[] = LADDERS[ladder];
  const i = current === null ? 0 : rungs.indexOf(current) + 1;
  return (rungs[i] as Tier | undefined) ?? null;
}

export type Reach = { tier: Tier; unmet: number; outcome: RuleResult['outcome'] };
type Results = ReadonlyMap<string, Pick<RuleResult, 'outcome' | 'criteria'>>;

/** The next tier of one ladder, if the engine's result for it is within reach; null otherwise. */
export function withinReach(current: Tier | null, resultsByRule: Results, ladder: LadderName = 'science'): Reach | null {
  const next = nextTier(current, ladder);
  if (next === null) return null;
  const r = resultsByRule.get(next);
  if (!r) return null;
  const unmet = r.criteria.filter((c) => c.status === 'unmet').length;
  if (r.outcome === 'not_qualified' && unmet > MAX_UNMET) return null;
  return { tier: next, unmet, outcome: r.outcome };
}

/** Within-reach next tiers on both ladders. */
export function reachesOf(certs: readonly HeldCertificate[], on: string, resultsByRule: Results): Reach[] {
  return (Object.keys(LADDERS) as LadderName[]).flatMap((ladder) => {
    const r = withinReach(currentTier(certs, on, ladder), resultsByRule, ladder);
    return r ? [r] : [];
  });
}

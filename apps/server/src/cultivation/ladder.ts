// Pure: the tier ladder (梯次) and what "within reach" means. An enterprise's tier is the highest rung it
// holds a valid certificate for; the next tier is the rung above it; it is within reach of that tier when
// the engine says qualified or undetermined, or not qualified by at most MAX_UNMET criteria.
import type { RuleResult } from '@kechuang/qualifications';

export const LADDER = ['tech-sme', 'innovative-sme', 'hnte', 'specialized-sme', 'little-giant'] as const;
export type Tier = (typeof LADDER)[number];

export const TIER_NAMES: Record<Tier, { zh: string; en: string }> = {
  'tech-sme': { zh: '科技型中小企业', en: 'Tech-based SME' },
  'innovative-sme': { zh: '创新型中小企业', en: 'Innovative SME' },
  hnte: { zh: '高新技术企业', en: 'High and new technology enterprise' },
  'specialized-sme': { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME' },
  'little-giant': { zh: '专精特新“小巨人”', en: '"Little giant"' },
};

/** The stated gap: at most this many unmet criteria still counts as within reach. */
export const MAX_UNMET = 2;

export type HeldCertificate = { kind: string; validFrom: string; validUntil: string };

export function isTier(s: string): s is Tier {
  return (LADDER as readonly string[]).includes(s);
}

/** Highest rung with a certificate valid on `on` (validFrom ≤ on ≤ validUntil), or null. */
export function currentTier(certs: readonly HeldCertificate[], on: string): Tier | null {
  let best = -1;
  for (const c of certs) {
    const i = LADDER.indexOf(c.kind as Tier);
    if (i > best && c.validFrom <= on && on <= c.validUntil) best = i;
  }
  return best < 0 ? null : LADDER[best]!;
}

export function nextTier(current: Tier | null): Tier | null {
  const i = current === null ? 0 : LADDER.indexOf(current) + 1;
  return LADDER[i] ?? null;
}

export type Reach = { tier: Tier; unmet: number; outcome: RuleResult['outcome'] };

/** The next tier, if the engine's result for it is within reach; null otherwise. */
export function withinReach(current: Tier | null, resultsByRule: ReadonlyMap<string, Pick<RuleResult, 'outcome' | 'criteria'>>): Reach | null {
  const next = nextTier(current);
  if (next === null) return null;
  const r = resultsByRule.get(next);
  if (!r) return null;
  const unmet = r.criteria.filter((c) => c.status === 'unmet').length;
  if (r.outcome === 'not_qualified' && unmet > MAX_UNMET) return null;
  return { tier: next, unmet, outcome: r.outcome };
}

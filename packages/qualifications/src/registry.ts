// The rule packs and their versions; the assessment date picks the version in force (the latest whose
// effective date is on or before it). Certificates granted under an old version stay valid (see README).
import type { RuleId, RulePack } from './types.ts';
import { RuleSelectionError } from './errors.ts';
import { techSme2022 } from './packs/tech-sme/tech-sme.ts';
import { hnte2016 } from './packs/hnte/hnte.ts';

export const RULE_IDS: readonly RuleId[] = ['tech-sme', 'hnte', 'innovative-sme', 'specialized-sme', 'little-giant', 'gazelle', 'unicorn'];

const PACKS: readonly RulePack[] = [techSme2022, hnte2016];

export function allPacks(): readonly RulePack[] {
  return PACKS;
}

export function isRuleId(s: string): s is RuleId {
  return (RULE_IDS as readonly string[]).includes(s);
}

/** The version of `rule` in force on `date` (ISO). */
export function selectPack(rule: RuleId, date: string): RulePack {
  let best: RulePack | undefined;
  for (const p of PACKS) {
    if (p.rule !== rule || p.effectiveFrom > date) continue;
    if (best === undefined || p.effectiveFrom > best.effectiveFrom) best = p;
  }
  if (best === undefined)
    throw new RuleSelectionError('assessedOn', `${date} 时 ${rule} 规则尚未施行`, `No version of ${rule} was in force on ${date}`);
  return best;
}

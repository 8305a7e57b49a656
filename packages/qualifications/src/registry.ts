// The rule packs and their versions; the assessment date picks the version in force (the latest whose
// effective date is on or before it). Certificates granted under an old version stay valid (see README).
import type { RuleId, RulePack } from './types.ts';
import { RuleSelectionError } from './errors.ts';
import { techSme2022 } from './packs/tech-sme/tech-sme.ts';
import { hnte2016 } from './packs/hnte/hnte.ts';
import { innovativeSme2022 } from './packs/innovative-sme/innovative-sme.ts';
import { specializedSme2022 } from './packs/specialized-sme/specialized-sme-2022.ts';
import { specializedSme2026 } from './packs/specialized-sme/specialized-sme-2026.ts';
import { littleGiant2022 } from './packs/little-giant/little-giant-2022.ts';
import { littleGiant2026 } from './packs/little-giant/little-giant-2026.ts';
import { gazellePack, SHANDONG_GAZELLE } from './packs/gazelle/gazelle.ts';
import { COMMON_UNICORN, unicornPack } from './packs/unicorn/unicorn.ts';

export const RULE_IDS: readonly RuleId[] = ['tech-sme', 'hnte', 'innovative-sme', 'specialized-sme', 'little-giant', 'gazelle', 'unicorn'];

/** The default packs: the national texts plus the default regional gazelle and unicorn definitions. */
export const DEFAULT_PACKS: readonly RulePack[] = [
  techSme2022,
  hnte2016,
  innovativeSme2022,
  specializedSme2022,
  specializedSme2026,
  littleGiant2022,
  littleGiant2026,
  gazellePack(SHANDONG_GAZELLE),
  unicornPack(COMMON_UNICORN),
];


export function isRuleId(s: string): s is RuleId {
  return (RULE_IDS as readonly string[]).includes(s);
}

/** The version of `rule` in force on `date`, or undefined when none was yet. */
export function packInForce(rule: RuleId, date: string, packs: readonly RulePack[] = DEFAULT_PACKS): RulePack | undefined {
  let best: RulePack | undefined;
  for (const p of packs) {
    if (p.rule !== rule || p.effectiveFrom > date) continue;
    if (best === undefined || p.effectiveFrom > best.effectiveFrom) best = p;
  }
  return best;
}

/** The version of `rule` in force on `date` (ISO), among `packs` (a region may pass its own definitions). */
export function selectPack(rule: RuleId, date: string, packs: readonly RulePack[] = DEFAULT_PACKS): RulePack {
  const best = packInForce(rule, date, packs);
  if (best === undefined)
    throw new RuleSelectionError('assessedOn', `${date} 时 ${rule} 规则尚未施行`, `No version of ${rule} was in force on ${date}`);
  return best;
}

// An enterprise's self-assessment: its current stored data through every rule pack in force today, with
// criteria, scores and gaps. An enterprise user can run it on its own data only (organisation scope).
import { evaluateProfile } from '@kechuang/qualifications';
import type pg from 'pg';
import type { UserActor } from '../platform/auth/actor.ts';
import { findEnterpriseScope } from '../registry/enterprises/get-enterprise.ts';
import { loadProfiles } from '../registry/profiles/load-profiles.ts';
import { currentTier, LADDERS, nextTier, TIER_NAMES, type LadderName, type Tier } from './ladder.ts';
import { rulesInForce } from './runs/run-evaluation.ts';

export async function selfAssess(pool: pg.Pool, actor: UserActor, id: string, asOf = new Date().toISOString().slice(0, 10)) {
  const scope = await findEnterpriseScope(pool, actor, id);
  const [stored] = await loadProfiles(pool, scope.regionCode, [id], asOf);
  const { rules } = rulesInForce(asOf);
  const evaluation = evaluateProfile(stored!.profile, { rules, asOf });
  const certs = stored!.profile.certificates ?? [];
  const ladders = Object.fromEntries((Object.keys(LADDERS) as LadderName[]).map((ladder) => {
    const current = currentTier(certs, asOf, ladder);
    return [ladder, { current, next: nextTier(current, ladder) }];
  })) as Record<LadderName, { current: Tier | null; next: Tier | null }>;
  return {
    id, asOf,
    // The science ladder (科技型中小企业 → 高企 → …) leads the page; both ladders are given.
    currentTier: ladders.science.current, nextTier: ladders.science.next, ladders,
    tierNames: TIER_NAMES,
    results: evaluation.results,
  };
}

// An enterprise's self-assessment: its current stored data through every rule pack in force today, with
// criteria, scores and gaps. An enterprise user can run it on its own data only (organisation scope).
import { evaluateProfile } from '@kechuang/qualifications';
import type pg from 'pg';
import type { UserActor } from '../platform/auth/actor.ts';
import { findEnterpriseScope } from '../registry/enterprises/get-enterprise.ts';
import { loadProfiles } from '../registry/profiles/load-profiles.ts';
import { currentTier, nextTier, TIER_NAMES } from './ladder.ts';
import { rulesInForce } from './runs/run-evaluation.ts';

export async function selfAssess(pool: pg.Pool, actor: UserActor, id: string, asOf = new Date().toISOString().slice(0, 10)) {
  const scope = await findEnterpriseScope(pool, actor, id);
  const [stored] = await loadProfiles(pool, scope.regionCode, [id], asOf);
  const { rules } = rulesInForce(asOf);
  const evaluation = evaluateProfile(stored!.profile, { rules, asOf });
  const tier = currentTier(stored!.profile.certificates ?? [], asOf);
  const next = nextTier(tier);
  return {
    id, asOf,
    currentTier: tier, currentTierName: tier ? TIER_NAMES[tier] : null,
    nextTier: next, nextTierName: next ? TIER_NAMES[next] : null,
    results: evaluation.results,
  };
}

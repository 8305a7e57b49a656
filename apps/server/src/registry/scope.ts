// Which registry rows an actor may see: bureau staff their region and its districts, everyone else only
// their own organisation. Returned as SQL fragments for the bulk list queries.
import type { UserActor } from '../platform/auth/actor.ts';
import { isBureau } from '../platform/auth/authorize.ts';

/** `region_code LIKE prefix%` covers the actor's region (a city covers its districts, a province its cities). */
export function regionPrefix(actor: UserActor): string {
  const home = actor.regionCode;
  if (home.endsWith('0000')) return home.slice(0, 2);
  if (home.endsWith('00')) return home.slice(0, 4);
  return home;
}

/** Conditions (with parameters from `$first`) limiting a query on alias `e` to what the actor may see;
 * `organisationColumn` is the column of `e` naming the organisation the row belongs to (a platform's host). */
export function scopeCondition(actor: UserActor, first: number, organisationColumn = 'organisation_id'): { sql: string; params: unknown[] } {
  if (isBureau(actor)) return { sql: `e.region_code LIKE $${first}`, params: [`${regionPrefix(actor)}%`] };
  return { sql: `e.${organisationColumn} = $${first}`, params: [actor.organisation?.id ?? '00000000-0000-0000-0000-000000000000'] };
}

// The one authorisation check. Routes declare which roles may call them (enforced before the handler);
// operations that touch an organisation's private data pass that organisation, and the same function
// decides whether this actor may see it.
import { DomainError, forbidden, unauthenticated } from '../errors/domain-error.ts';
import type { Role } from '../schema.ts';
import type { Actor, UserActor } from './actor.ts';

/** `public`: anyone, logged in or not. `authenticated`: any account. A list: only those roles. */
export type RoleRequirement = 'public' | 'authenticated' | readonly Role[];

export type OrganisationScope = { regionCode: string; organisationId: string };

export type Requirement = { roles: RoleRequirement; organisation?: OrganisationScope; region?: string };

export const BUREAU_ROLES = ['bureau_admin', 'bureau_staff'] as const satisfies readonly Role[];

export function authorize(actor: Actor, requirement: { roles: 'public' }): Actor;
export function authorize(actor: Actor, requirement: Requirement): UserActor;
export function authorize(actor: Actor, requirement: Requirement): Actor {
  if (requirement.roles === 'public') return actor;
  if (actor.kind !== 'user') throw unauthenticated();
  if (requirement.roles !== 'authenticated' && !requirement.roles.includes(actor.role)) throw forbidden();
  if (requirement.region && !coversRegion(actor, requirement.region)) throw forbidden();
  if (requirement.organisation && !canSeeOrganisation(actor, requirement.organisation)) {
    // Not 403: whether another enterprise exists is itself private.
    throw new DomainError('not_found', null, { zh: '机构不存在', en: 'Organisation not found' }, 404);
  }
  return actor;
}

/**
 * Bureau staff see every organisation of their region (a city bureau covers its districts: region codes
 * share the city prefix). Everyone else sees only their own organisation's private data.
 */
export function canSeeOrganisation(actor: UserActor, scope: OrganisationScope): boolean {
  if (isBureau(actor)) return coversRegion(actor, scope.regionCode);
  return actor.organisation !== null && actor.organisation.id === scope.organisationId;
}

export function isBureau(actor: UserActor): boolean {
  return (BUREAU_ROLES as readonly Role[]).includes(actor.role);
}

/** A province (xx0000) covers its cities and districts; a city (xxxx00) covers its districts. */
export function coversRegion(actor: UserActor, regionCode: string): boolean {
  const home = actor.regionCode;
  if (home === regionCode) return true;
  if (home.endsWith('0000')) return regionCode.startsWith(home.slice(0, 2));
  if (home.endsWith('00')) return regionCode.startsWith(home.slice(0, 4));
  return false;
}

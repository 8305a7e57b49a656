// Who is making a request: an authenticated account, or the anonymous public.
import type { Role } from '../schema.ts';

export type UserActor = {
  kind: 'user';
  userId: string;
  role: Role;
  displayName: string;
  login: string;
  regionCode: string;
  organisation: { id: string; name: string; kind: string } | null;
  csrfToken: string;
};

export type PublicActor = { kind: 'public' };

export type Actor = UserActor | PublicActor;

export const PUBLIC_ACTOR: PublicActor = { kind: 'public' };

/** What a write is attributed to in the audit log. `system` is the CLI and the demo loader. */
export type AuditActor = { userId: string | null; role: Role | 'system' | 'public'; requestId?: string | null };

export function auditActorOf(actor: Actor, requestId?: string): AuditActor {
  return actor.kind === 'user'
    ? { userId: actor.userId, role: actor.role, requestId: requestId ?? null }
    : { userId: null, role: 'public', requestId: requestId ?? null };
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, role: 'system', requestId: null };

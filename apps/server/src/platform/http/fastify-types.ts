// What kechuang adds to Fastify's request and route config.
import type { Actor } from '../auth/actor.ts';
import type { RoleRequirement } from '../auth/authorize.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Who may call this route. Required on every /api route; the server refuses to start without it. */
    access?: RoleRequirement;
    /** Writes that need no CSRF token because no session exists yet (login). */
    csrfExempt?: boolean;
  }
}

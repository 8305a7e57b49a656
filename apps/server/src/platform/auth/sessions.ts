// Server-side sessions: a random token in an httpOnly cookie, its SHA-256 in the database, and a CSRF
// token bound to the session that every cookie-authenticated write must echo in a header.
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../schema.ts';
import type { UserActor } from './actor.ts';

export const SESSION_COOKIE = 'kc_session';
export const CSRF_COOKIE = 'kc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

export async function createSession(pool: pg.Pool, userId: string, ttlHours: number): Promise<NewSession> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await pool.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token), userId, csrfToken, expiresAt,
  ]);
  return { token, csrfToken, expiresAt };
}

type SessionRow = {
  user_id: string; csrf_token: string; role: Role; display_name: string; login: string; region_code: string;
  org_id: string | null; org_name: string | null; org_kind: string | null;
};

/** One round trip per request: the session, its account and the account's organisation. */
export async function findSessionActor(pool: pg.Pool, token: string): Promise<UserActor | null> {
  const { rows } = await pool.query<SessionRow>({
    name: 'find-session-actor',
    text: `SELECT s.user_id, s.csrf_token, u.role, u.display_name, coalesce(u.email, u.phone) AS login, u.region_code,
                  o.id AS org_id, o.name AS org_name, o.kind AS org_kind
             FROM sessions s
             JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
             LEFT JOIN organisations o ON o.region_code = u.region_code AND o.id = u.organisation_id
            WHERE s.token_hash = $1 AND s.expires_at > now()`,
    values: [hashToken(token)],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    kind: 'user',
    userId: row.user_id,
    role: row.role,
    displayName: row.display_name,
    login: row.login,
    regionCode: row.region_code,
    organisation: row.org_id ? { id: row.org_id, name: row.org_name!, kind: row.org_kind! } : null,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(pool: pg.Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export async function deleteExpiredSessions(pool: pg.Pool): Promise<number> {
  const result = await pool.query('DELETE FROM sessions WHERE expires_at <= now()');
  return result.rowCount ?? 0;
}

// Checks a phone-or-e-mail and password and opens a session. The same answer and about the same time
// for an unknown account and a wrong password, so logins cannot be enumerated.
import type pg from 'pg';
import type { Db } from '../platform/database/open-database.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../platform/auth/password.ts';
import { createSession, type NewSession } from '../platform/auth/sessions.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import type { Role } from '../platform/schema.ts';

export type LoginResult = { session: NewSession; userId: string };

type Account = { id: string; role: Role; region_code: string; password_hash: string; disabled_at: Date | null };

export async function login(
  db: Db, pool: pg.Pool, input: { login: string; password: string }, ttlHours: number, requestId: string,
): Promise<LoginResult> {
  const identifier = normaliseLogin(input.login);
  const { rows } = await pool.query<Account>(
    'SELECT id, role, region_code, password_hash, disabled_at FROM users WHERE lower(email) = $1 OR phone = $1',
    [identifier],
  );
  const account = rows[0];
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!account || !ok || account.disabled_at) {
    throw new DomainError('invalid_credentials', 'login', { zh: '账号或密码错误', en: 'Wrong account or password' }, 401);
  }
  const session = await createSession(pool, account.id, ttlHours);
  await db.transaction((tx) =>
    appendAudit(tx, { userId: account.id, role: account.role, requestId }, {
      regionCode: account.region_code, action: 'session.created', entityType: 'user', entityId: account.id,
    }),
  );
  return { session, userId: account.id };
}

export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

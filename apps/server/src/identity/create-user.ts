// Creates an account. Bureau admins create accounts in their region; `kechuang user create-admin` and the
// demo loader create them as the system.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/database/open-database.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { AuditActor } from '../platform/auth/actor.ts';
import { assertStrongPassword, hashPassword } from '../platform/auth/password.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import { organisations, users, type Role } from '../platform/schema.ts';
import type { UserBody } from './contracts.ts';

export type CreateUserInput = {
  regionCode: string; displayName: string; email?: string; phone?: string; role: Role; organisationId?: string;
} & ({ password: string } | { /** Already hashed (the demo loader hashes its one shared password once). */ passwordHash: string });

const ROLE_NEEDS_ORGANISATION: Partial<Record<Role, boolean>> = { enterprise_user: true, provider_user: true, bank_user: true };

export async function createUser(db: Db, actor: AuditActor, input: CreateUserInput): Promise<UserBody> {
  if (!input.email && !input.phone) {
    throw new DomainError('login_required', 'email', { zh: '须提供电子邮箱或手机号作为登录账号', en: 'An e-mail or a phone number is required to log in' });
  }
  if ('password' in input) assertStrongPassword(input.password);
  if (ROLE_NEEDS_ORGANISATION[input.role] && !input.organisationId) {
    throw new DomainError('organisation_required', 'organisationId', { zh: '该角色须隶属于一个机构', en: 'This role must belong to an organisation' });
  }
  if (input.organisationId) {
    const org = await db.select({ id: organisations.id }).from(organisations)
      .where(and(eq(organisations.regionCode, input.regionCode), eq(organisations.id, input.organisationId))).limit(1);
    if (!org[0]) throw new DomainError('unknown_organisation', 'organisationId', { zh: '机构不存在', en: 'No such organisation in this region' });
  }
  const passwordHash = 'password' in input ? await hashPassword(input.password) : input.passwordHash;
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(users).values({
      id: crypto.randomUUID(), regionCode: input.regionCode, email: input.email?.toLowerCase() ?? null, phone: input.phone ?? null,
      displayName: input.displayName, role: input.role, organisationId: input.organisationId ?? null, passwordHash,
    }).onConflictDoNothing().returning();
    const row = inserted[0];
    if (!row) {
      throw new DomainError('login_taken', input.email ? 'email' : 'phone', { zh: '该邮箱或手机号已被注册', en: 'This e-mail or phone number is already registered' }, 409);
    }
    const body: UserBody = { id: row.id, displayName: row.displayName, email: row.email, phone: row.phone, role: row.role, organisationId: row.organisationId, regionCode: row.regionCode };
    await appendAudit(tx, actor, { regionCode: row.regionCode, action: 'user.created', entityType: 'user', entityId: row.id, after: body });
    return body;
  });
}

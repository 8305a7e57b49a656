// The registration workflow of a technology contract: a party records it (or it is drafted from a market
// deal), edits it while it is a draft or returned, submits it, and the bureau registers or returns it.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/audit/append-audit.ts';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES, isBureau } from '../../../platform/auth/authorize.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../../platform/errors/domain-error.ts';
import { isUniqueViolation } from '../deal-lookups.ts';
import { techContracts } from '../schema.ts';
import { contractTermsRow, type ContractTermsInput } from './contract-input.ts';
import { checkTechnologyField } from './technology-fields.ts';

type ContractRow = typeof techContracts.$inferSelect;

export async function createContract(db: Db, actor: UserActor, input: ContractTermsInput, requestId?: string): Promise<ContractRow> {
  authorize(actor, { roles: 'authenticated' });
  const terms = contractTermsRow(input);
  const ownOrg = actor.organisation?.id ?? null;
  if (!isBureau(actor) && (!ownOrg || (terms.seller.orgId !== ownOrg && terms.buyer.orgId !== ownOrg))) {
    throw new DomainError('not_a_party', 'seller', { zh: '只能登记本机构作为一方当事人的合同', en: 'You can only register contracts your organisation is a party to' }, 403);
  }
  const id = crypto.randomUUID();
  return db.transaction(async (tx) => {
    let row: ContractRow;
    try {
      [row] = await tx.insert(techContracts).values({ regionCode: actor.regionCode, id, ...terms, ownerOrgId: ownOrg, createdBy: actor.userId }).returning() as [ContractRow];
    } catch (err) {
      if (isUniqueViolation(err, 'market_tech_contracts_parties_no')) {
        throw new DomainError('contract_exists', 'partiesContractNo', { zh: '该卖方的此合同编号已登记，同一合同只计一次', en: 'This seller\'s contract number is already recorded; a contract is counted once' }, 409);
      }
      throw err;
    }
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: row.regionCode, action: 'market.contract_created', entityType: 'market_tech_contract', entityId: id, after: terms });
    return row;
  });
}

export async function updateContract(db: Db, actor: UserActor, id: string, input: ContractTermsInput, requestId?: string): Promise<ContractRow> {
  const terms = contractTermsRow(input);
  return db.transaction(async (tx) => {
    const before = await lockOwned(tx, actor, id);
    requireStatus(before, ['draft', 'returned']);
    requireSameParties(actor, before, terms);
    const [row] = await tx.update(techContracts).set({ ...terms, status: 'draft', updatedAt: new Date() })
      .where(and(eq(techContracts.regionCode, before.regionCode), eq(techContracts.id, id))).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: before.regionCode, action: 'market.contract_updated', entityType: 'market_tech_contract', entityId: id, before: termsOf(before), after: terms });
    return row!;
  });
}

export async function submitContract(db: Db, actor: UserActor, id: string, requestId?: string): Promise<ContractRow> {
  return db.transaction(async (tx) => {
    const before = await lockOwned(tx, actor, id);
    requireStatus(before, ['draft', 'returned']);
    // A draft from a deal copied its listing's field, which listings do not restrict: it must be chosen first.
    const fieldProblem = checkTechnologyField(before.field);
    if (fieldProblem) throw new DomainError(fieldProblem.code, fieldProblem.field, fieldProblem.message);
    const [row] = await tx.update(techContracts).set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(techContracts.regionCode, before.regionCode), eq(techContracts.id, id))).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: before.regionCode, action: 'market.contract_submitted', entityType: 'market_tech_contract', entityId: id });
    return row!;
  });
}

export type ReviewInput = { decision: 'register' | 'return'; note?: string };

/** 认定登记: the bureau registers (with a registration number) or returns with a reason. */
export async function reviewContract(db: Db, actor: UserActor, id: string, input: ReviewInput, now: Date, requestId?: string): Promise<ContractRow> {
  return db.transaction(async (tx) => {
    const before = await lockOwned(tx, actor, id);
    authorize(actor, { roles: BUREAU_ROLES, region: before.regionCode });
    requireStatus(before, ['submitted']);
    if (input.decision === 'return' && !input.note?.trim()) {
      throw new DomainError('return_reason_required', 'note', { zh: '退回须说明理由', en: 'Give a reason for returning the contract' });
    }
    const registrationNo = input.decision === 'register' ? await nextRegistrationNo(tx, before.regionCode, now) : null;
    const [row] = await tx.update(techContracts).set(input.decision === 'register'
      ? { status: 'registered', registrationNo, registeredAt: now, reviewedBy: actor.userId, reviewNote: input.note ?? null, updatedAt: now }
      : { status: 'returned', reviewedBy: actor.userId, reviewNote: input.note!, updatedAt: now })
      .where(and(eq(techContracts.regionCode, before.regionCode), eq(techContracts.id, id))).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: before.regionCode, action: input.decision === 'register' ? 'market.contract_registered' : 'market.contract_returned',
      entityType: 'market_tech_contract', entityId: id, after: { registrationNo, note: input.note ?? null },
    });
    return row!;
  });
}

/** 登记编号: region code, year, then a 6-digit running number per region and year. */
async function nextRegistrationNo(tx: Tx, regionCode: string, now: Date): Promise<string> {
  const year = String(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear());
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${'contract-no:' + regionCode + year}, 0))`);
  const prefix = `${regionCode}${year}`;
  const { rows } = await tx.execute<{ n: string | null }>(sql`
    SELECT max(substring(registration_no from ${prefix.length + 1})::int) AS n FROM market_tech_contracts
    WHERE region_code = ${regionCode} AND registration_no LIKE ${prefix + '%'}`);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(6, '0')}`;
}

async function lockOwned(tx: Tx, actor: UserActor, id: string): Promise<ContractRow> {
  const rows = await tx.select().from(techContracts).where(eq(techContracts.id, id)).for('update');
  const row = rows[0];
  if (!row || !canSee(actor, row)) throw notFound({ zh: '技术合同', en: 'Technology contract' });
  return row;
}

export function canSee(actor: UserActor, row: ContractRow): boolean {
  if (isBureau(actor)) return authorizeQuietly(actor, row.regionCode);
  const org = actor.organisation?.id;
  return org !== undefined && (row.ownerOrgId === org || row.seller.orgId === org || row.buyer.orgId === org);
}

function authorizeQuietly(actor: UserActor, regionCode: string): boolean {
  try {
    authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
    return true;
  } catch {
    return false;
  }
}

/**
 * A contract made on the platform keeps the deal's parties (the deal is counted once, for them); any
 * contract stays one the editing organisation is a party to, so an edit cannot hand it to strangers.
 */
function requireSameParties(actor: UserActor, before: ContractRow, terms: { seller: ContractRow['seller']; buyer: ContractRow['buyer'] }): void {
  if (before.dealId !== null) {
    for (const side of ['seller', 'buyer'] as const) {
      if (terms[side].orgId !== before[side].orgId) {
        throw new DomainError('deal_parties_fixed', `${side}.orgId`, { zh: '平台成交合同的当事人由成交确定，不能更改', en: 'The parties of a contract from a market deal are fixed by the deal' });
      }
    }
  }
  const org = actor.organisation?.id;
  if (!isBureau(actor) && (!org || (terms.seller.orgId !== org && terms.buyer.orgId !== org))) {
    throw new DomainError('not_a_party', 'seller', { zh: '只能登记本机构作为一方当事人的合同', en: 'You can only register contracts your organisation is a party to' }, 403);
  }
}

function requireStatus(row: ContractRow, allowed: ContractRow['status'][]): void {
  if (!allowed.includes(row.status)) {
    throw new DomainError('contract_status', 'status', { zh: `合同当前状态（${row.status}）不允许此操作`, en: `Not allowed while the contract is ${row.status}` }, 409);
  }
}

function termsOf(row: ContractRow): Record<string, unknown> {
  return { type: row.type, subtype: row.subtype, totalFen: row.totalFen, technologyFen: row.technologyFen, payments: row.payments };
}

export async function getContract(db: Db, actor: UserActor, id: string): Promise<ContractRow> {
  const rows = await db.select().from(techContracts).where(eq(techContracts.id, id)).limit(1);
  const row = rows[0];
  if (!row || !canSee(actor, row)) throw notFound({ zh: '技术合同', en: 'Technology contract' });
  return row;
}

export async function listContracts(db: Db, actor: UserActor, filter: { status?: ContractRow['status'] }): Promise<ContractRow[]> {
  const org = actor.organisation?.id ?? '00000000-0000-0000-0000-000000000000';
  const scope = isBureau(actor)
    ? sql`region_code LIKE ${actor.regionCode.endsWith('00') ? actor.regionCode.replace(/0{2,4}$/, '') + '%' : actor.regionCode}`
    : sql`(owner_org_id = ${org} OR seller->>'orgId' = ${org} OR buyer->>'orgId' = ${org})`;
  return db.select().from(techContracts)
    .where(and(scope, filter.status ? eq(techContracts.status, filter.status) : undefined))
    .orderBy(sql`${techContracts.updatedAt} DESC`).limit(200);
}

// Turns a contract as submitted (amounts as fen strings) into the row to store, through the pure rules.
import { eq } from 'drizzle-orm';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { validateUscc } from '../../../platform/identity/uscc.ts';
import { organisations } from '../../../platform/schema.ts';
import type { Reader } from '../deal-lookups.ts';
import type { ContractParty, StoredCost, StoredPayment } from '../schema.ts';
import { checkSubtype, computeAmounts, type ContractType } from './contract-rules.ts';
import { checkTechnologyField } from './technology-fields.ts';

export type PartyInput = { orgId?: string | null; regionCode?: string | null; name?: string; uscc?: string; districtCode?: string | null };

/**
 * A party on the platform is taken from its organisation record; a party off the platform must give its name
 * and a valid 统一社会信用代码 (GB 32100-2015 check character).
 */
export async function resolveParty(db: Reader, p: PartyInput, field: 'seller' | 'buyer'): Promise<ContractParty> {
  if (p.orgId) {
    const rows = await db.select().from(organisations).where(eq(organisations.id, p.orgId)).limit(1);
    const org = rows[0];
    if (!org) throw new DomainError('party_unknown', `${field}.orgId`, { zh: '当事人机构不存在', en: 'The party organisation does not exist' }, 404);
    return { orgId: org.id, regionCode: org.regionCode, name: org.name, uscc: org.uscc, districtCode: org.districtCode };
  }
  if (!p.name || !p.uscc) {
    throw new DomainError('party_incomplete', field, { zh: '平台外当事人须填写名称和统一社会信用代码', en: 'A party off the platform needs its name and credit code' });
  }
  const uscc = validateUscc(p.uscc);
  if (!uscc.ok) throw new DomainError(`uscc_${uscc.reason}`, `${field}.uscc`, { zh: uscc.message, en: uscc.messageEn });
  return { orgId: null, regionCode: p.regionCode ?? null, name: p.name, uscc: uscc.code, districtCode: p.districtCode ?? null };
}

export type ContractTermsInput = {
  type: ContractType; subtype: string; title: string; field: string; seller: ContractParty; buyer: ContractParty;
  totalFen: bigint; technologyFen?: bigint; nonTechnicalCosts: { item: string; amountFen: bigint }[];
  payments: { dueOn: string; amountFen: bigint }[]; signedOn?: string | null; partiesContractNo?: string | null;
};

export type ContractTermsRow = {
  type: ContractType; subtype: string; title: string; field: string; seller: ContractParty; sellerUscc: string; sellerDistrictCode: string | null;
  buyer: ContractParty; totalFen: bigint; nonTechnicalFen: bigint; technologyFen: bigint; nonTechnicalCosts: StoredCost[];
  payments: StoredPayment[]; signedOn: string | null; partiesContractNo: string | null;
};

export function contractTermsRow(input: ContractTermsInput): ContractTermsRow {
  const subtypeProblem = checkSubtype(input.type, input.subtype);
  if (subtypeProblem) throw new DomainError(subtypeProblem.code, subtypeProblem.field, subtypeProblem.message);
  const fieldProblem = checkTechnologyField(input.field);
  if (fieldProblem) throw new DomainError(fieldProblem.code, fieldProblem.field, fieldProblem.message);
  const result = computeAmounts(input);
  if (!result.ok) throw new DomainError(result.problem.code, result.problem.field, result.problem.message);
  return {
    type: input.type, subtype: input.subtype, title: input.title, field: input.field,
    seller: input.seller, sellerUscc: input.seller.uscc, sellerDistrictCode: input.seller.districtCode, buyer: input.buyer,
    ...result.amounts,
    nonTechnicalCosts: input.nonTechnicalCosts.map((c) => ({ item: c.item, amountFen: c.amountFen.toString() })),
    payments: input.payments.map((p) => ({ dueOn: p.dueOn, amountFen: p.amountFen.toString() })),
    signedOn: input.signedOn ?? null, partiesContractNo: input.partiesContractNo ?? null,
  };
}

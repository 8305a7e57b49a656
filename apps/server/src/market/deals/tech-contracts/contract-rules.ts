// 技术合同认定登记: the contract types of the registration rules (《技术合同认定登记管理办法》,
// 《技术合同认定规则》) and the arithmetic of the two amounts the statistics report. Pure, no I/O.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';
import { MAX_AMOUNT_FEN, yuan } from '../auctions/auction-rules.ts';

/** The five registered types; development and service carry a sub-type. */
export const contractTypes = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export type ContractType = (typeof contractTypes)[number];

export const contractSubtypes = {
  development: ['commissioned', 'cooperative'],
  transfer: ['patent', 'patent_application', 'technical_secret', 'other'],
  licence: ['patent', 'technical_secret', 'other'],
  consulting: ['general'],
  service: ['general', 'training', 'intermediary'],
} as const satisfies Record<ContractType, readonly string[]>;
export type ContractSubtype = (typeof contractSubtypes)[ContractType][number];

export const CONTRACT_TYPE_NAMES: Record<ContractType, LocalisedMessage> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  licence: { zh: '技术许可', en: 'Technology licence' },
  consulting: { zh: '技术咨询', en: 'Technology consulting' },
  service: { zh: '技术服务', en: 'Technology service' },
};

export const CONTRACT_SUBTYPE_NAMES: Record<string, LocalisedMessage> = {
  'development.commissioned': { zh: '委托开发', en: 'commissioned' },
  'development.cooperative': { zh: '合作开发', en: 'cooperative' },
  'transfer.patent': { zh: '专利权转让', en: 'patent right' },
  'transfer.patent_application': { zh: '专利申请权转让', en: 'patent application right' },
  'transfer.technical_secret': { zh: '技术秘密转让', en: 'technical secret' },
  'transfer.other': { zh: '其他', en: 'other' },
  'licence.patent': { zh: '专利实施许可', en: 'patent licence' },
  'licence.technical_secret': { zh: '技术秘密使用许可', en: 'technical secret licence' },
  'licence.other': { zh: '其他', en: 'other' },
  'consulting.general': { zh: '技术咨询', en: 'consulting' },
  'service.general': { zh: '一般技术服务', en: 'general service' },
  'service.training': { zh: '技术培训', en: 'training' },
  'service.intermediary': { zh: '技术中介', en: 'intermediary' },
};

export type NonTechnicalCost = { item: string; amountFen: bigint };
export type Payment = { dueOn: string; amountFen: bigint };

export type ContractAmountsInput = {
  totalFen: bigint;
  /** 非技术性费用: equipment, materials, construction … bought with the contract but not technology. */
  nonTechnicalCosts: readonly NonTechnicalCost[];
  /** When the applicant states the technology amount too, it must agree with total − costs. */
  technologyFen?: bigint;
  payments: readonly Payment[];
};

export type ContractAmounts = { totalFen: bigint; nonTechnicalFen: bigint; technologyFen: bigint };

export type AmountProblem = { code: string; field: string; message: LocalisedMessage };

/** 技术交易额 = 合同成交额 − 非技术性费用. Every figure is integer fen, so the identity holds exactly. */
export function computeAmounts(input: ContractAmountsInput): { ok: true; amounts: ContractAmounts } | { ok: false; problem: AmountProblem } {
  const { totalFen } = input;
  if (totalFen <= 0n || totalFen > MAX_AMOUNT_FEN) return fail('contract_total_invalid', 'totalFen', '合同成交额须为正数且不超过 10 万亿元', 'The contract total must be positive and at most CNY 10 trillion');
  let nonTechnicalFen = 0n;
  for (const [i, cost] of input.nonTechnicalCosts.entries()) {
    if (cost.amountFen < 0n) return fail('non_technical_cost_negative', `nonTechnicalCosts.${i}.amountFen`, '非技术性费用不得为负', 'A non-technical cost may not be negative');
    nonTechnicalFen += cost.amountFen;
  }
  if (input.technologyFen !== undefined && input.technologyFen > totalFen) {
    return fail('technology_amount_exceeds_total', 'technologyFen',
      `技术交易额（${yuan(input.technologyFen)}）不得超过合同成交额（${yuan(totalFen)}）`,
      `The technology amount (${yuan(input.technologyFen)}) may not exceed the contract total (${yuan(totalFen)})`);
  }
  if (nonTechnicalFen > totalFen) {
    return fail('technology_amount_exceeds_total', 'nonTechnicalCosts',
      `非技术性费用合计（${yuan(nonTechnicalFen)}）超过合同成交额（${yuan(totalFen)}），技术交易额将为负`,
      `Non-technical costs (${yuan(nonTechnicalFen)}) exceed the contract total (${yuan(totalFen)}); the technology amount would be negative`);
  }
  const technologyFen = totalFen - nonTechnicalFen;
  if (input.technologyFen !== undefined && input.technologyFen !== technologyFen) {
    return fail('technology_amount_mismatch', 'technologyFen',
      `技术交易额应为合同成交额减非技术性费用，即 ${yuan(technologyFen)}`,
      `The technology amount must be the total minus non-technical costs, i.e. ${yuan(technologyFen)}`);
  }
  const scheduleProblem = checkPayments(input.payments, totalFen);
  if (scheduleProblem) return { ok: false, problem: scheduleProblem };
  return { ok: true, amounts: { totalFen, nonTechnicalFen, technologyFen } };
}

/** The payment schedule covers the total exactly, in date order, with positive instalments. */
export function checkPayments(payments: readonly Payment[], totalFen: bigint): AmountProblem | null {
  if (payments.length === 0) return { code: 'payment_schedule_empty', field: 'payments', message: { zh: '请填写付款计划', en: 'Give a payment schedule' } };
  let sum = 0n;
  let previous = '';
  for (const [i, p] of payments.entries()) {
    if (p.amountFen <= 0n) return { code: 'payment_not_positive', field: `payments.${i}.amountFen`, message: { zh: '每期付款金额须为正数', en: 'Each instalment must be positive' } };
    if (p.dueOn < previous) return { code: 'payment_schedule_order', field: `payments.${i}.dueOn`, message: { zh: '付款计划须按日期先后排列', en: 'Instalments must be in date order' } };
    previous = p.dueOn;
    sum += p.amountFen;
  }
  if (sum !== totalFen) {
    return {
      code: 'payment_schedule_mismatch', field: 'payments',
      message: { zh: `付款计划合计 ${yuan(sum)}，与合同成交额 ${yuan(totalFen)} 不一致`, en: `The schedule adds up to ${yuan(sum)}, not the contract total ${yuan(totalFen)}` },
    };
  }
  return null;
}

export function checkSubtype(type: ContractType, subtype: string): AmountProblem | null {
  const allowed: readonly string[] = contractSubtypes[type];
  if (allowed.includes(subtype)) return null;
  return {
    code: 'contract_subtype_invalid', field: 'subtype',
    message: { zh: `${CONTRACT_TYPE_NAMES[type].zh}合同的子类型须为：${allowed.join('、')}`, en: `A ${CONTRACT_TYPE_NAMES[type].en.toLowerCase()} contract's subtype must be one of: ${allowed.join(', ')}` },
  };
}

function fail(code: string, field: string, zh: string, en: string): { ok: false; problem: AmountProblem } {
  return { ok: false, problem: { code, field, message: { zh, en } } };
}

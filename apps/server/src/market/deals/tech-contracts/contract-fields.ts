// The field dictionary of a technology contract (技术合同) as the parties fill it in for 认定登记: what each
// field means, whether it is required, and the rule the server applies. The contract form shows it as help;
// the deals README carries the same table. Sources: 《技术合同认定登记管理办法》, 《技术合同认定规则》.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';
import { TECHNOLOGY_FIELDS } from './technology-fields.ts';

export type ContractField = { key: string; label: LocalisedMessage; required: boolean; meaning: LocalisedMessage; rule: LocalisedMessage };

export const CONTRACT_FIELDS: readonly ContractField[] = [
  {
    key: 'type', label: { zh: '合同类型', en: 'Contract type' }, required: true,
    meaning: { zh: '按《技术合同认定规则》认定的类型，决定登记和税收优惠的口径', en: 'The type under the contract recognition rules; it decides how the contract is registered and which tax relief applies' },
    rule: { zh: '技术开发、技术转让、技术许可、技术咨询、技术服务之一', en: 'One of technology development, transfer, licence, consulting, service' },
  },
  {
    key: 'subtype', label: { zh: '子类型', en: 'Sub-type' }, required: true,
    meaning: { zh: '类型下的细分：委托/合作开发，专利权/专利申请权/技术秘密转让，专利实施/技术秘密许可，一般服务/培训/中介', en: 'The kind within the type: commissioned or cooperative development; patent, application or secret transfer; patent or secret licence; general service, training or intermediary' },
    rule: { zh: '须属于所选类型', en: 'Must belong to the chosen type' },
  },
  {
    key: 'title', label: { zh: '合同名称', en: 'Contract title' }, required: true,
    meaning: { zh: '合同文本上的项目名称', en: 'The project name on the contract document' },
    rule: { zh: '2–200 个字', en: '2–200 characters' },
  },
  {
    key: 'field', label: { zh: '技术领域', en: 'Technology field' }, required: true,
    meaning: { zh: '标的技术所属领域，统计按此分组；来自成交的成果时取其领域', en: 'The field of the technology; statistics group by it. Taken from the listing for a market deal' },
    rule: {
      zh: `平台领域目录（与成果挂牌相同）之一：${TECHNOLOGY_FIELDS.map((f) => f.zh).join('、')}`,
      en: `One of the platform's fields, as for listings: ${TECHNOLOGY_FIELDS.map((f) => f.en).join(', ')}`,
    },
  },
  {
    key: 'seller', label: { zh: '卖方（技术方）', en: 'Seller (technology side)' }, required: true,
    meaning: { zh: '让与人、许可人、受托方或提供咨询服务的一方；统计按其所在区县计“技术输出”', en: 'The transferor, licensor, developer or adviser; statistics count technology output in its district' },
    rule: { zh: '平台机构按机构记录；平台外须填名称和统一社会信用代码', en: 'A platform organisation is taken from its record; a party off the platform needs its name and credit code' },
  },
  {
    key: 'seller.uscc', label: { zh: '卖方统一社会信用代码', en: "Seller's credit code" }, required: true,
    meaning: { zh: '18 位统一社会信用代码，登记机关据此识别当事人', en: 'The 18-character unified social credit code identifying the party' },
    rule: { zh: '符合 GB 32100-2015（含校验码）', en: 'Valid under GB 32100-2015, check character included' },
  },
  {
    key: 'buyer', label: { zh: '买方（委托方/受让方）', en: 'Buyer (client)' }, required: true,
    meaning: { zh: '受让人、被许可人、委托方，支付合同价款的一方', en: 'The transferee, licensee or client who pays the contract price' },
    rule: { zh: '同卖方', en: 'As for the seller' },
  },
  {
    key: 'buyer.uscc', label: { zh: '买方统一社会信用代码', en: "Buyer's credit code" }, required: true,
    meaning: { zh: '同卖方', en: 'As for the seller' },
    rule: { zh: '符合 GB 32100-2015（含校验码）', en: 'Valid under GB 32100-2015, check character included' },
  },
  {
    key: 'totalFen', label: { zh: '合同成交额', en: 'Contract total' }, required: true,
    meaning: { zh: '合同约定的全部价款（含非技术性费用）', en: 'The whole price agreed in the contract, non-technical costs included' },
    rule: { zh: '大于 0，不超过 10 万亿元，精确到分', en: 'Above zero, at most CNY 10 trillion, to the fen' },
  },
  {
    key: 'nonTechnicalCosts', label: { zh: '非技术性费用', en: 'Non-technical costs' }, required: false,
    meaning: { zh: '随合同购置的设备、仪器、原材料、建设安装等费用，不计入技术交易额', en: 'Equipment, instruments, materials, construction bought with the contract; not part of the technology amount' },
    rule: { zh: '每项不为负，合计不超过合同成交额', en: 'No item negative; together at most the contract total' },
  },
  {
    key: 'technologyFen', label: { zh: '技术交易额', en: 'Technology amount' }, required: false,
    meaning: { zh: '合同成交额减非技术性费用，是享受税收优惠和统计的口径', en: 'The contract total minus non-technical costs: the amount for tax relief and statistics' },
    rule: { zh: '不得超过合同成交额；如填写须等于成交额减非技术性费用，不填则自动计算', en: 'At most the contract total; if given it must equal the total minus non-technical costs, otherwise it is computed' },
  },
  {
    key: 'payments', label: { zh: '付款计划', en: 'Payment schedule' }, required: true,
    meaning: { zh: '按期支付的日期和金额', en: 'The instalments: due date and amount' },
    rule: { zh: '至少一期，每期为正，按日期先后，合计等于合同成交额', en: 'At least one instalment, each positive, in date order, adding up to the contract total' },
  },
  {
    key: 'signedOn', label: { zh: '签订日期', en: 'Signed on' }, required: false,
    meaning: { zh: '双方签字盖章的日期', en: 'The date both parties signed' },
    rule: { zh: '日期（年-月-日）', en: 'A date (year-month-day)' },
  },
  {
    key: 'partiesContractNo', label: { zh: '合同编号', en: "Parties' contract number" }, required: false,
    meaning: { zh: '当事人自编的合同编号', en: 'The number the parties gave the contract' },
    rule: { zh: '最多 60 字；同一卖方的同一编号只登记一次', en: 'At most 60 characters; one seller\'s number is registered once' },
  },
];

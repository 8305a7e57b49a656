// The registry's fixed vocabularies: the city's ten industry clusters, platform kinds and levels, certificate
// kinds. Stored as text codes; the names in both languages live here, next to the code that checks them.

export const CLUSTERS = {
  optoelectronics: { zh: '光电元器件', en: 'Optoelectronic components' },
  agri_machinery: { zh: '农机装备', en: 'Agricultural machinery' },
  aviation: { zh: '航空装备', en: 'Aviation equipment' },
  bearings: { zh: '高端轴承', en: 'High-end bearings' },
  refractories: { zh: '耐火材料', en: 'Refractory materials' },
  biomedicine: { zh: '生物医药', en: 'Biomedicine' },
  electronic_chemicals: { zh: '电子化工材料', en: 'Electronic chemical materials' },
  ai: { zh: '人工智能', en: 'Artificial intelligence' },
  battery: { zh: '新能源电池', en: 'New-energy batteries' },
  display_materials: { zh: '电子显示材料', en: 'Electronic display materials' },
} as const;
export type ClusterCode = keyof typeof CLUSTERS;
export const CLUSTER_CODES = Object.keys(CLUSTERS) as ClusterCode[];

/** 《国家重点支持的高新技术领域》 (2016): the eight fields. */
export const TECH_FIELDS = {
  electronic_information: { zh: '电子信息', en: 'Electronic information' },
  biomedicine: { zh: '生物与新医药', en: 'Biology and new medicine' },
  aerospace: { zh: '航空航天', en: 'Aerospace' },
  new_materials: { zh: '新材料', en: 'New materials' },
  high_tech_services: { zh: '高技术服务', en: 'High-tech services' },
  new_energy: { zh: '新能源与节能', en: 'New energy and energy saving' },
  environment: { zh: '资源与环境', en: 'Resources and environment' },
  advanced_manufacturing: { zh: '先进制造与自动化', en: 'Advanced manufacturing and automation' },
} as const;
export type TechFieldCode = keyof typeof TECH_FIELDS;
export const TECH_FIELD_CODES = Object.keys(TECH_FIELDS) as TechFieldCode[];

export const PLATFORM_KINDS = {
  key_lab: { zh: '重点实验室', en: 'Key laboratory' },
  engineering_center: { zh: '工程技术研究中心', en: 'Engineering technology research centre' },
  enterprise_tech_center: { zh: '企业技术中心', en: 'Enterprise technology centre' },
  new_rd_institution: { zh: '新型研发机构', en: 'New-type R&D institution' },
  academician_workstation: { zh: '院士工作站', en: 'Academician workstation' },
  maker_space: { zh: '众创空间', en: 'Maker space' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  pilot_base: { zh: '中试基地', en: 'Pilot-scale base' },
  poc_center: { zh: '概念验证中心', en: 'Proof-of-concept centre' },
} as const;
export type PlatformKind = keyof typeof PLATFORM_KINDS;
export const PLATFORM_KIND_CODES = Object.keys(PLATFORM_KINDS) as PlatformKind[];

export const LEVELS = ['national', 'provincial', 'municipal'] as const;
export type Level = (typeof LEVELS)[number];

/** Certificates the tier ladder reads; kinds match the rule pack ids of @kechuang/qualifications. */
export const CERTIFICATE_KINDS = ['tech-sme', 'hnte', 'innovative-sme', 'specialized-sme', 'little-giant', 'gazelle', 'unicorn'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const IP_KINDS = ['invention', 'utility_model', 'design', 'software_copyright', 'ic_layout', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_protected_grade1'] as const;
export const IP_STATUSES = ['granted', 'pending'] as const;
export const IP_ACQUISITIONS = ['self', 'transfer', 'gift', 'merger'] as const;

export const HONOUR_KINDS = ['award', 'rd_institution', 'standard', 'equity_round'] as const;

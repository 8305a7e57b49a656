// The closed lists a sheet cell may name, in both languages: a cell may give the code, the Chinese name, the
// English name or a listed alias (what bureau sheets commonly write). Stored values are the codes.
import { PLATFORM_KINDS } from '../../reference.ts';

export type Vocabulary = Record<string, { zh: string; en: string; aliases?: readonly string[] }>;

export const CERTIFICATE_NAMES = {
  'tech-sme': { zh: '科技型中小企业', en: 'Technology-based SME' },
  hnte: { zh: '高新技术企业', en: 'High and new technology enterprise', aliases: ['高企'] },
  'innovative-sme': { zh: '创新型中小企业', en: 'Innovative SME' },
  'specialized-sme': { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME', aliases: ['专精特新'] },
  'little-giant': { zh: '专精特新“小巨人”企业', en: '"Little giant" enterprise', aliases: ['小巨人', '专精特新小巨人', '专精特新"小巨人"企业', '专精特新小巨人企业'] },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle enterprise' },
  unicorn: { zh: '独角兽企业', en: 'Unicorn enterprise' },
} as const satisfies Vocabulary;

export const ADMIN_LEVELS = {
  national: { zh: '国家级', en: 'National', aliases: ['国家'] },
  provincial: { zh: '省级', en: 'Provincial', aliases: ['省'] },
  municipal: { zh: '市级', en: 'Municipal', aliases: ['市'] },
} as const satisfies Vocabulary;

/** The rules count national and provincial science awards only; a city award is not recorded. */
export const AWARD_LEVELS = { national: ADMIN_LEVELS.national, provincial: ADMIN_LEVELS.provincial } as const satisfies Vocabulary;

export const STANDARD_LEVELS = {
  international: { zh: '国际标准', en: 'International', aliases: ['国际'] },
  national: { zh: '国家标准', en: 'National', aliases: ['国家级', '国家'] },
  industry: { zh: '行业标准', en: 'Industry', aliases: ['行业'] },
  group: { zh: '团体标准', en: 'Group (association)', aliases: ['团体'] },
} as const satisfies Vocabulary;

export const STANDARD_ROLES = {
  lead: { zh: '主导', en: 'Lead', aliases: ['牵头', '主持', '主导制定'] },
  participant: { zh: '参与', en: 'Participant', aliases: ['参编', '参与制定'] },
} as const satisfies Vocabulary;

export const HONOUR_KINDS = {
  award: { zh: '科技奖励', en: 'Science award', aliases: ['奖项', '获奖'] },
  rd_institution: { zh: '研发机构', en: 'Recognised R&D institution', aliases: ['认定研发机构'] },
  standard: { zh: '标准', en: 'Standard', aliases: ['制定标准'] },
  equity_round: { zh: '股权融资', en: 'Equity financing round', aliases: ['融资'] },
} as const satisfies Vocabulary;

export const TALENT_KINDS = {
  team: { zh: '团队', en: 'Team', aliases: ['创新团队'] },
  individual: { zh: '个人', en: 'Individual', aliases: ['人才'] },
} as const satisfies Vocabulary;

export const PLATFORM_NAMES: Vocabulary = PLATFORM_KINDS;

const LOOKUPS = new WeakMap<Vocabulary, Map<string, string>>();

/** code, Chinese name, English name or alias (any case) → code, or null. */
export function codeOf(dict: Vocabulary, v: string): string | null {
  let m = LOOKUPS.get(dict);
  if (!m) {
    m = new Map();
    for (const [code, n] of Object.entries(dict)) {
      for (const name of [code, n.zh, n.en, ...(n.aliases ?? [])]) m.set(name.toLowerCase(), code);
    }
    LOOKUPS.set(dict, m);
  }
  return m.get(v.toLowerCase()) ?? m.get(v.replace(/\s+/g, '').toLowerCase()) ?? null;
}

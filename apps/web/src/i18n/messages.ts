// The UI's message catalogue. Chinese is the source of truth for the keys; the English table must have the
// same keys (the type checker enforces it) and the same {placeholders} (the test enforces it).
import { MONITORING_MESSAGES } from '../monitoring/messages.ts';
import { DEALS_MESSAGES } from '../market/deals/messages.ts';
import { MARKET_MESSAGES } from '../market/messages.ts';
import { WORKSPACE_MESSAGES } from '../market/workspace-messages.ts';
import { CONTRACT_EDIT_MESSAGES } from '../market/deals/contract-edit-messages.ts';
import { REGISTRY_MESSAGES } from '../registry/messages.ts';
import { REGISTRY_EDIT_MESSAGES } from '../registry/edit-messages.ts';
import { POOL_MESSAGES } from '../cultivation/pool-messages.ts';

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const zhCN = {
  'app.name': '科创',
  'app.fullName': '科创 · 城市创新服务平台',
  'lang.switchTo': 'English',
  'lang.switchLabel': '切换到英文',

  'login.title': '登录',
  'login.subtitle': '城市科技创新服务平台',
  'login.account': '账号',
  'login.accountPlaceholder': '手机号或电子邮箱',
  'login.accountRequired': '请输入手机号或电子邮箱',
  'login.password': '密码',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.expired': '登录已过期，请重新登录。',
  'login.loggedOut': '您已退出登录。',

  'shell.logout': '退出登录',
  'shell.nav': '主导航',
  'shell.noModules': '您的账号暂无可用的功能模块，请联系管理员。',
  'shell.forbidden': '您的账号无权访问此模块。',
  'shell.notFound': '页面不存在。',
  'shell.backHome': '返回首页',

  'role.bureau_admin': '科技局管理员',
  'role.bureau_staff': '科技局工作人员',
  'role.expert': '评审专家',
  'role.enterprise_user': '企业用户',
  'role.provider_user': '服务机构用户',
  'role.bank_user': '合作银行用户',

  'nav.overview': '城市创新概览',
  ...MONITORING_MESSAGES.zh,
  ...MARKET_MESSAGES.zh,
  ...DEALS_MESSAGES.zh,
  ...WORKSPACE_MESSAGES.zh,
  ...CONTRACT_EDIT_MESSAGES.zh,
  ...REGISTRY_MESSAGES.zh,
  ...REGISTRY_EDIT_MESSAGES.zh,
  ...POOL_MESSAGES.zh,

  'state.loading': '正在加载…',
  'state.errorTitle': '加载失败',
  'state.retry': '重试',
  'state.networkError': '无法连接服务器，请检查网络后重试。',
  'state.httpError': '服务器返回错误（HTTP {status}）。',
  'state.noData': '暂无数据',

  'overview.title': '城市创新概览',
  'overview.subtitle': '{region} · 研发投入、创新主体与行动方案目标',
  'overview.latest': '{period} 年',
  'overview.vsPrevious': '较 {period} 年 {change}',
  'overview.rdChart': '研发经费投入与研发投入强度',
  'overview.growthChart': '高新技术企业与创新平台',
  'overview.targetsChart': '行动方案 {year} 年目标完成率',
  'overview.targetsTable': '行动方案 {year} 年目标',
  'overview.col.indicator': '指标',
  'overview.col.baseline': '基期值',
  'overview.col.latest': '最新值',
  'overview.col.target': '目标值',
  'overview.col.completion': '完成率',
  'overview.col.cagr': '实现目标所需年均增速',
  'overview.achieved': '已达成',
  'overview.perYear': '{rate}/年',
  'overview.cagrUnavailable': '无法计算',
  'overview.atLeast': '不低于 {value}',
  'overview.valueInPeriod': '{value}（{period} 年）',
  'overview.completionAxis': '完成率（%）',
  'overview.noIndicator': '缺少指标数据：{name}',
  'overview.source': '数据来源：地方统计公报及行动方案；完成率 = 最新值 ÷ 目标值。',
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.name': 'Kechuang',
  'app.fullName': 'Kechuang · City Innovation Platform',
  'lang.switchTo': '中文',
  'lang.switchLabel': 'Switch to Chinese',

  'login.title': 'Log in',
  'login.subtitle': 'City science & technology innovation platform',
  'login.account': 'Account',
  'login.accountPlaceholder': 'Mobile number or e-mail',
  'login.accountRequired': 'Enter your mobile number or e-mail',
  'login.password': 'Password',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Log in',
  'login.expired': 'Your session has expired. Please log in again.',
  'login.loggedOut': 'You have logged out.',

  'shell.logout': 'Log out',
  'shell.nav': 'Main navigation',
  'shell.noModules': 'No modules are available to your account yet. Please contact an administrator.',
  'shell.forbidden': 'Your account may not open this module.',
  'shell.notFound': 'This page does not exist.',
  'shell.backHome': 'Back to home',

  'role.bureau_admin': 'Bureau administrator',
  'role.bureau_staff': 'Bureau staff',
  'role.expert': 'Expert reviewer',
  'role.enterprise_user': 'Enterprise user',
  'role.provider_user': 'Service provider user',
  'role.bank_user': 'Partner bank user',

  'nav.overview': 'City innovation overview',
  ...MONITORING_MESSAGES.en,
  ...MARKET_MESSAGES.en,
  ...DEALS_MESSAGES.en,
  ...WORKSPACE_MESSAGES.en,
  ...CONTRACT_EDIT_MESSAGES.en,
  ...REGISTRY_MESSAGES.en,
  ...REGISTRY_EDIT_MESSAGES.en,
  ...POOL_MESSAGES.en,

  'state.loading': 'Loading…',
  'state.errorTitle': 'Could not load',
  'state.retry': 'Retry',
  'state.networkError': 'Cannot reach the server. Check your connection and try again.',
  'state.httpError': 'The server returned an error (HTTP {status}).',
  'state.noData': 'No data',

  'overview.title': 'City innovation overview',
  'overview.subtitle': '{region} · R&D, innovation actors and action plan targets',
  'overview.latest': '{period}',
  'overview.vsPrevious': '{change} vs {period}',
  'overview.rdChart': 'R&D expenditure and R&D intensity',
  'overview.growthChart': 'High-tech enterprises and innovation platforms',
  'overview.targetsChart': 'Completion of the {year} action plan targets',
  'overview.targetsTable': 'Action plan targets for {year}',
  'overview.col.indicator': 'Indicator',
  'overview.col.baseline': 'Baseline',
  'overview.col.latest': 'Latest',
  'overview.col.target': 'Target',
  'overview.col.completion': 'Completion',
  'overview.col.cagr': 'Annual growth needed',
  'overview.achieved': 'Achieved',
  'overview.perYear': '{rate} a year',
  'overview.cagrUnavailable': 'Not computable',
  'overview.atLeast': 'at least {value}',
  'overview.valueInPeriod': '{value} ({period})',
  'overview.completionAxis': 'Completion (%)',
  'overview.noIndicator': 'Missing indicator data: {name}',
  'overview.source': 'Sources: local statistical bulletins and the action plan; completion = latest value ÷ target.',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills its {placeholders}; an unknown placeholder is left visible so it gets noticed. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names a template uses, sorted (used to check both languages agree). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

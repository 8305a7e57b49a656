// The words of the PDF report in both languages (the report is written in one language, chosen per request).
import type { TargetStatus } from '../targets/target-forecast.ts';

export type ReportLang = 'zh' | 'en';

export type ReportLabels = {
  title: (region: string) => string;
  region: string; date: string; indexPeriod: string; frameworkVersion: string;
  targetsSection: string; rankingSection: string; chartSection: string; profilesSection: string;
  indicator: string; baseline: string; latest: string; target: string; completion: string; cagrNeeded: string; statusHeader: string;
  rank: string; unit: string; index: string;
  strengths: string; weaknesses: string; rankOf: (rank: number) => string;
  summary: (counts: Record<TargetStatus, number>) => string;
  noPlans: string; noRun: string;
  page: (n: number, total: number) => string;
  footer: string;
  statuses: Record<TargetStatus, string>;
  /** Between a label and its value. */
  colon: string;
  year: (period: string) => string;
  achievedNoGrowth: string;
};

export const REPORT_LABELS: Record<ReportLang, ReportLabels> = {
  zh: {
    title: (region) => `${region}科技创新监测评价报告`,
    region: '地区', date: '报告日期', indexPeriod: '指数期间', frameworkVersion: '框架版本',
    targetsSection: '一、行动方案目标进展', rankingSection: '二、创新能力指数排名', chartSection: '三、指数得分图', profilesSection: '四、各地区优势与短板',
    indicator: '指标', baseline: '基期值', latest: '最新值', target: '目标值', completion: '完成率', cagrNeeded: '所需年均增速', statusHeader: '状态',
    rank: '排名', unit: '地区', index: '指数',
    strengths: '优势', weaknesses: '短板', rankOf: (rank) => `（第${rank}名）`,
    summary: (c) => `共 ${Object.values(c).reduce((a, b) => a + b, 0)} 项目标：已达成 ${c.achieved} 项，按期可达 ${c.on_track} 项，进度滞后 ${c.off_track} 项，趋势不足或无数据 ${c.no_trend + c.no_data} 项。`,
    noPlans: '尚未设定行动方案目标。', noRun: '尚无指数计算结果。',
    page: (n, total) => `第 ${n} 页 / 共 ${total} 页`,
    footer: '科创平台 · 监测评价',
    colon: '：',
    statuses: { achieved: '已达成', on_track: '按期可达', off_track: '进度滞后', no_trend: '趋势不足', no_data: '无数据' },
    year: (p) => `${p} 年`,
    achievedNoGrowth: '—',
  },
  en: {
    title: (region) => `${region}: innovation monitoring and evaluation report`,
    region: 'Region', date: 'Report date', indexPeriod: 'Index period', frameworkVersion: 'Framework version',
    targetsSection: '1. Action-plan targets', rankingSection: '2. Innovation index ranking', chartSection: '3. Index scores', profilesSection: '4. Strengths and weaknesses by unit',
    indicator: 'Indicator', baseline: 'Baseline', latest: 'Latest', target: 'Target', completion: 'Completion', cagrNeeded: 'Growth needed', statusHeader: 'Status',
    rank: 'Rank', unit: 'Unit', index: 'Index',
    strengths: 'Strengths', weaknesses: 'Weaknesses', rankOf: (rank) => ` (#${rank})`,
    summary: (c) => `${Object.values(c).reduce((a, b) => a + b, 0)} targets: ${c.achieved} achieved, ${c.on_track} on track, ${c.off_track} off track, ${c.no_trend + c.no_data} without a trend or data.`,
    noPlans: 'No action-plan targets are set.', noRun: 'No index has been computed yet.',
    page: (n, total) => `Page ${n} of ${total}`,
    footer: 'kechuang · monitoring and evaluation',
    colon: ': ',
    statuses: { achieved: 'Achieved', on_track: 'On track', off_track: 'Off track', no_trend: 'No trend yet', no_data: 'No data' },
    year: (p) => p,
    achievedNoGrowth: '—',
  },
};

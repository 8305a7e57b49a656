// UI strings of pool management (add with a mentor, remove with a reason), spread into the app's catalogue.

const zh = {
  'pool.add': '加入培育库',
  'pool.addTitle': '加入培育库',
  'pool.enterprise': '企业',
  'pool.searchEnterprise': '输入名称或信用代码搜索',
  'pool.tier': '培育梯次',
  'pool.mentor': '辅导员（可选）',
  'pool.mentorRequired': '辅导员姓名',
  'pool.reason': '移出原因',
  'pool.reasonHelp': '至少 2 个字，将记入审计日志',
  'pool.added': '已加入培育库',
  'pool.removed': '已移出培育库',
  'pool.mentorSaved': '已指定辅导员',
  'pool.card': '所在培育库',
  'pool.none': '尚未进入任何培育库',
  'pool.status.active': '在库',
  'pool.status.removed': '已移出',
  'pool.source.engine': '评价自动纳入',
  'pool.source.staff': '人工加入',
  'pool.removedBecause': '移出原因：{reason}',
};

const en: Record<keyof typeof zh, string> = {
  'pool.add': 'Add to a pool',
  'pool.addTitle': 'Add to a cultivation pool',
  'pool.enterprise': 'Enterprise',
  'pool.searchEnterprise': 'Search by name or credit code',
  'pool.tier': 'Tier',
  'pool.mentor': 'Mentor (optional)',
  'pool.mentorRequired': 'Mentor’s name',
  'pool.reason': 'Reason for removal',
  'pool.reasonHelp': 'At least 2 characters; recorded in the audit log',
  'pool.added': 'Added to the pool',
  'pool.removed': 'Removed from the pool',
  'pool.mentorSaved': 'Mentor assigned',
  'pool.card': 'Cultivation pools',
  'pool.none': 'Not in any cultivation pool',
  'pool.status.active': 'In the pool',
  'pool.status.removed': 'Removed',
  'pool.source.engine': 'Added by evaluation',
  'pool.source.staff': 'Added by staff',
  'pool.removedBecause': 'Reason: {reason}',
};

export const POOL_MESSAGES = { zh, en };

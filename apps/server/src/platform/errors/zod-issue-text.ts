// Turns a zod validation issue into a message that names the field and the rule, in Chinese and English.
import type { LocalisedMessage } from './domain-error.ts';

export type ValidationIssue = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  format?: string;
  values?: unknown[];
};

export function issueField(issue: ValidationIssue): string | null {
  const parts = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) parts.push(issue.keys[0]!);
  return parts.length ? parts.join('.') : null;
}

export function issueText(issue: ValidationIssue): LocalisedMessage {
  const field = issueField(issue) ?? '请求体';
  const fieldEn = issueField(issue) ?? 'request body';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? { zh: `缺少必填字段 ${field}`, en: `Field ${fieldEn} is required` }
        : { zh: `字段 ${field} 的类型应为 ${String(issue.expected)}`, en: `Field ${fieldEn} must be of type ${String(issue.expected)}` };
    case 'too_small':
      return { zh: `字段 ${field} 太短或太小（最小 ${String(issue.minimum)}）`, en: `Field ${fieldEn} is too short or too small (minimum ${String(issue.minimum)})` };
    case 'too_big':
      return { zh: `字段 ${field} 太长或太大（最大 ${String(issue.maximum)}）`, en: `Field ${fieldEn} is too long or too large (maximum ${String(issue.maximum)})` };
    case 'unrecognized_keys':
      return { zh: `不允许的字段：${(issue.keys ?? []).join(', ')}`, en: `Unknown field(s): ${(issue.keys ?? []).join(', ')}` };
    case 'invalid_format':
      return { zh: `字段 ${field} 格式不正确（应为 ${issue.format ?? '规定格式'}）`, en: `Field ${fieldEn} has the wrong format (expected ${issue.format ?? 'the documented format'})` };
    case 'invalid_value':
      return { zh: `字段 ${field} 的取值应为：${(issue.values ?? []).map(String).join(' / ')}`, en: `Field ${fieldEn} must be one of: ${(issue.values ?? []).map(String).join(' / ')}` };
    default:
      return { zh: `字段 ${field} 不符合规则：${issue.message}`, en: `Field ${fieldEn} breaks a rule: ${issue.message}` };
  }
}

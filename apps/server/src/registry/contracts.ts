// Request and response schemas of the registry endpoints (and the OpenAPI document).
import { z } from 'zod';
import { IMPORT_KINDS } from './import/import-sheet.ts';
import { CLUSTER_CODES, TECH_FIELD_CODES } from './reference.ts';

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
export const IdParams = z.strictObject({ id: z.uuid() });
export const FormatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const ListEnterprisesQuery = z.strictObject({
  q: z.string().max(100).optional().describe('名称或信用代码包含 / name or credit code contains'),
  cluster: z.enum(CLUSTER_CODES as [string, ...string[]]).optional(),
  district: z.string().regex(/^\d{6}$/).optional(),
  tier: z.string().max(40).optional().describe('持有有效证书的梯次 / holds a valid certificate of this tier'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const EnterpriseListItem = z.object({
  id: z.string(), regionCode: z.string(), name: z.string(), uscc: z.string(), districtCode: z.string().nullable(), cluster: z.string().nullable(),
  techField: z.string().nullable(), industryCode: z.string().nullable(), foundedOn: z.string().nullable(), latestYear: z.number().nullable(),
  employees: z.number().nullable(), salesRevenueFen: z.string().nullable().describe('分 / fen'), rdExpenseFen: z.string().nullable(), certificates: z.array(z.string()),
});
export const EnterpriseList = z.object({ items: z.array(EnterpriseListItem), total: z.number() });
export const EnterpriseRecord = z.record(z.string(), z.unknown()).describe('profile, fiscalYears, ip, certificates, honours, platforms, talents');

export const UpdateProfileRequest = z.strictObject({
  foundedOn: z.iso.date().nullable().optional(),
  industryCode: z.string().regex(/^[A-T](\d{2}|\d{3}|\d{4})?$/, 'GB/T 4754-2017 行业代码（如 C3451）/ GB/T 4754-2017 code').nullable().optional(),
  techField: z.enum(TECH_FIELD_CODES as [string, ...string[]]).nullable().optional(),
  cluster: z.enum(CLUSTER_CODES as [string, ...string[]]).nullable().optional(),
});

const fen = z.string().regex(/^-?\d{1,18}$/, '金额以分为单位的整数 / amount in fen, an integer').nullable().optional();
export const FiscalYearParams = z.strictObject({ id: z.uuid(), year: z.coerce.number().int().min(1949).max(2100) });
export const FiscalYearRequest = z.strictObject({
  salesRevenueFen: fen, operatingRevenueFen: fen, mainBusinessRevenueFen: fen, highTechRevenueFen: fen, totalRevenueFen: fen, rdExpenseFen: fen,
  rdExpenseDomesticFen: fen, costsAndExpensesFen: fen, totalAssetsFen: fen, totalLiabilitiesFen: fen, netAssetsFen: fen, netProfitFen: fen,
  employees: z.number().int().nullable().optional(), scienceStaff: z.number().int().nullable().optional(),
  rdStaff: z.number().int().nullable().optional(), conversions: z.number().int().nullable().optional(),
});

const ImportKindParam = z.enum(IMPORT_KINDS).default('enterprises')
  .describe('enterprises 企业名录 · certificates 资质证书 · honours 奖励/研发机构/标准/融资 · platforms 创新平台 · talents 人才团队');
export const ImportQuery = z.strictObject({
  fileName: z.string().min(1).max(200).regex(/\.(csv|xlsx)$/i, '文件须为 .csv 或 .xlsx / the file must be .csv or .xlsx'),
  kind: ImportKindParam,
});
export const TemplateQuery = FormatQuery.extend({ kind: ImportKindParam });
/** `kind` defaults to the enterprise sheet; q, cluster and district filter by the organisation a row belongs to (a platform's host). */
export const ExportQuery = ListEnterprisesQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx'), kind: ImportKindParam });
export const ImportJob = z.object({
  id: z.string(), kind: z.enum(IMPORT_KINDS), status: z.enum(['running', 'finished', 'failed', 'interrupted']), format: z.string(), fileName: z.string(),
  totalBytes: z.number(), readBytes: z.number(), rowsRead: z.number(), rowsImported: z.number(), rowsFailed: z.number(),
  error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
});

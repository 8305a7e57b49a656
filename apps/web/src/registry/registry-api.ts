// Data hooks of the registry and cultivation pages, typed after the server's contracts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from '../api/api-client.ts';
import type { FiscalYearBody, StoredFiscalYear } from './fiscal-year-form-model.ts';

export type EnterpriseListItem = {
  id: string; name: string; uscc: string; districtCode: string | null; cluster: string | null; latestYear: number | null;
  employees: number | null; salesRevenueFen: string | null; certificates: string[];
};
export type EnterpriseFilter = { q?: string; cluster?: string; tier?: string; offset: number; limit: number };

export type FiscalYear = StoredFiscalYear & { salesRevenueFen: string | null; rdExpenseFen: string | null; totalAssetsFen: string | null; employees: number | null; scienceStaff: number | null };
export type ProfileBody = { foundedOn?: string | null; industryCode?: string | null; techField?: string | null; cluster?: string | null };
export type EnterpriseRecord = {
  id: string; name: string; uscc: string; districtCode: string | null; foundedOn: string | null; industryCode: string | null; techField: string | null; cluster: string | null;
  fiscalYears: FiscalYear[]; ip: { kind: string; status: string; acquisition: string; count: number }[];
  certificates: { id: string; kind: string; number: string | null; validFrom: string; validUntil: string }[];
  platforms: { id: string; name: string; kind: string; level: string; approvedOn: string }[];
};

export type Points = number | { min: number; max: number } | null;
export type Criterion = { id: string; status: 'met' | 'unmet' | 'unknown' | 'manual_review'; value: number | string | boolean | null; threshold: string | null; points: Points; message: string; message_en: string };
export type Gap = { criterion: string; message: string; message_en: string };
export type RuleResult = { rule: string; version: string; outcome: 'qualified' | 'not_qualified' | 'undetermined'; score: Points; criteria: Criterion[]; gaps: Gap[] };
export type SelfAssessment = { id: string; asOf: string; currentTier: string | null; nextTier: string | null; results: RuleResult[] };

/** The sheets the registry imports; each has its own template. */
export const IMPORT_KINDS = ['enterprises', 'certificates', 'honours', 'platforms', 'talents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportJob = { id: string; kind: ImportKind; status: 'running' | 'finished' | 'failed' | 'interrupted'; totalBytes: number; readBytes: number; rowsRead: number; rowsImported: number; rowsFailed: number;
  error: { code: string; message: string; message_en: string } | null };

const query = (o: Record<string, string | number | undefined>) =>
  Object.entries(o).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');

export function useEnterprises(f: EnterpriseFilter) {
  return useQuery({
    queryKey: ['registry', 'enterprises', f],
    queryFn: () => api<{ items: EnterpriseListItem[]; total: number }>('GET', `/registry/enterprises?${query(f)}`),
    placeholderData: (prev) => prev,
  });
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: ['registry', 'enterprise', id], queryFn: () => api<EnterpriseRecord>('GET', `/registry/enterprises/${id}`) });
}

/** After an edit: the record, the list, and everything computed from the data (self-assessment, ladder). */
function useRefreshEnterprise(id: string) {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['registry', 'enterprise', id] }),
    client.invalidateQueries({ queryKey: ['registry', 'enterprises'] }),
    client.invalidateQueries({ queryKey: ['cultivation', 'self', id] }),
    client.invalidateQueries({ queryKey: ['cultivation', 'ladder', id] }),
  ]);
}

export function useSaveProfile(id: string) {
  const refresh = useRefreshEnterprise(id);
  return useMutation({ mutationFn: (body: ProfileBody) => api('PATCH', `/registry/enterprises/${id}`, body), onSuccess: refresh });
}

export function useSaveFiscalYear(id: string) {
  const refresh = useRefreshEnterprise(id);
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: FiscalYearBody }) => api('PUT', `/registry/enterprises/${id}/fiscal-years/${year}`, body),
    onSuccess: refresh,
  });
}

export function useSelfAssessment(id: string) {
  return useQuery({ queryKey: ['cultivation', 'self', id], queryFn: () => api<SelfAssessment>('GET', `/cultivation/enterprises/${id}/self-assessment`) });
}

export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['registry', 'import', id],
    enabled: id !== null,
    queryFn: () => api<ImportJob>('GET', `/registry/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
}

/** Sends the file itself as the request body; the server answers with the job to poll. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind }: { file: File; kind: ImportKind }): Promise<ImportJob> => {
      const res = await fetch(`/api/v1/registry/imports?fileName=${encodeURIComponent(file.name)}&kind=${kind}`, {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: { 'content-type': 'application/octet-stream', [CSRF_HEADER]: readCookie(document.cookie, CSRF_COOKIE) ?? '' },
      });
      const body = (await res.json()) as unknown;
      if (!res.ok) {
        const e = (body as { error?: { code: string; message: string; message_en: string; field: string | null } }).error;
        throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? '', e?.message_en ?? '', e?.field ?? null);
      }
      return body as ImportJob;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['registry', 'enterprises'] }),
  });
}

export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** 分 → 万元 for display (1 万元 = 1,000,000 分). */
export function fenToWan(fen: string | null): number | null {
  return fen === null ? null : Number(fen) / 1_000_000;
}

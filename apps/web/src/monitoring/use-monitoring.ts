import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import type { TargetRequestBody } from './monitoring-forms.ts';
import type { CatalogueIndicator, Framework, ImportResult, IndexRun, IndicatorSeries, PlanBody, RunSummary, TargetBoard } from './monitoring-types.ts';

export const useIndicators = () =>
  useQuery({ queryKey: ['monitoring', 'indicators'], queryFn: () => api<{ items: CatalogueIndicator[] }>('GET', '/monitoring/indicators') });

export const useIndicatorSeries = (code: string) =>
  useQuery({ queryKey: ['monitoring', 'series', code], queryFn: () => api<IndicatorSeries>('GET', `/monitoring/indicators/${encodeURIComponent(code)}/series`) });

export const useTargetBoard = () =>
  useQuery({ queryKey: ['monitoring', 'targets'], queryFn: () => api<TargetBoard>('GET', '/monitoring/targets') });

export const useFrameworks = () =>
  useQuery({ queryKey: ['monitoring', 'frameworks'], queryFn: () => api<{ items: Framework[] }>('GET', '/monitoring/frameworks') });

export const useRuns = (framework: string) =>
  useQuery({ queryKey: ['monitoring', 'runs', framework], queryFn: () => api<{ items: RunSummary[] }>('GET', `/monitoring/runs?framework=${encodeURIComponent(framework)}`) });

export const useRun = (id: string | undefined) =>
  useQuery({ queryKey: ['monitoring', 'run', id], enabled: Boolean(id), queryFn: () => api<IndexRun>('GET', `/monitoring/runs/${id}`) });

export function useRunIndex(framework: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { period?: string; sensitivity?: { n: number; seed: number } }) => api<IndexRun>('POST', `/monitoring/frameworks/${framework}/runs`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'runs', framework] }),
  });
}

export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fileBase64: string; dryRun: boolean }) => api<ImportResult>('POST', '/monitoring/imports', body),
    onSuccess: (_r, body) => { if (!body.dryRun) void client.invalidateQueries({ queryKey: ['monitoring'] }); },
  });
}

/** Bureau writes to plans and targets; every success refreshes the board (and the overview's targets). */
export function usePlanWrites() {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['monitoring', 'targets'] }), client.invalidateQueries({ queryKey: ['overview'] })]);
  const path = (plan: string) => `/monitoring/plans/${encodeURIComponent(plan)}`;
  return {
    savePlan: useMutation({ mutationFn: ({ code, body }: { code: string; body: PlanBody }) => api<PlanBody>('PUT', path(code), body), onSuccess: refresh }),
    deletePlan: useMutation({ mutationFn: (code: string) => api<void>('DELETE', path(code)), onSuccess: refresh }),
    saveTarget: useMutation({
      mutationFn: ({ plan, indicator, body }: { plan: string; indicator: string; body: TargetRequestBody }) =>
        api<unknown>('PUT', `${path(plan)}/targets/${encodeURIComponent(indicator)}`, body),
      onSuccess: refresh,
    }),
    deleteTarget: useMutation({
      mutationFn: ({ plan, indicator }: { plan: string; indicator: string }) => api<void>('DELETE', `${path(plan)}/targets/${encodeURIComponent(indicator)}`),
      onSuccess: refresh,
    }),
  };
}

export function useSaveWeights(framework: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weights: Record<string, number>) => api<{ version: number }>('PUT', `/monitoring/frameworks/${encodeURIComponent(framework)}/weights`, { weights }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['monitoring', 'frameworks'] }),
  });
}

/** Downloads a binary answer (Excel) with the session cookie and the CSRF header, as a file. */
export async function download(method: 'GET' | 'POST', path: string, filename: string, body?: unknown): Promise<void> {
  const csrf = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('kc_csrf='))?.slice(8) ?? '';
  const res = await fetch(`/api/v1${path}`, {
    method, credentials: 'same-origin',
    headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

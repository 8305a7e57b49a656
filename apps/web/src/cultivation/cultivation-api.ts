// Data hooks of the cultivation pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';

export type Point = { year: number; value: number };
export type BoardTarget = {
  indicatorCode: string; nameZh: string; nameEn: string; unit: string; unitEn: string; targetPeriod: string; targetValue: number;
  official: { latestPeriod: string | null; latestValue: number | null; completion: number | null };
  registry: { latestYear: number; latestValue: number; completion: number | null; growthNeeded: number | null; forecastAtTarget: number | null; series: Point[] };
};
export type Board = { years: number[]; tiers: Record<string, Point[]>; platformsByLevel: Record<string, Point[]>; targets: BoardTarget[] };

export type PoolMember = {
  organisationId: string; name: string; uscc: string; cluster: string | null; tier: string; status: 'active' | 'removed'; source: string; mentor: string | null; removedReason: string | null;
  outcome: string | null; unmet: number | null; gapCriteria: string[] | null; obtained: boolean;
};
export type Pool = { items: PoolMember[]; counts: { tier: string; cluster: string | null; count: number }[]; total: number };
export type Alerts = {
  expiring: { organisationId: string; name: string; kind: string; validUntil: string; daysLeft: number }[];
  newlyWithinReach: { organisationId: string; name: string; tier: string; asOf: string }[];
};
export type Run = { id: string; asOf: string; status: string; total: number; done: number; ruleVersions: Record<string, string>; startedAt: string };

export const useBoard = () => useQuery({ queryKey: ['cultivation', 'board'], queryFn: () => api<Board>('GET', '/cultivation/board') });
export const useAlerts = () => useQuery({ queryKey: ['cultivation', 'alerts'], queryFn: () => api<Alerts>('GET', '/cultivation/alerts') });
export const POOL_PAGE_SIZE = 20;
/** One page of a pool, paged and searched on the server (a tier's pool can hold thousands). */
export const usePool = (tier: string, cluster: string | undefined, q: string, page: number) => useQuery({
  queryKey: ['cultivation', 'pool', tier, cluster, q, page],
  queryFn: () => api<Pool>('GET', `/cultivation/pools?tier=${tier}${cluster ? `&cluster=${cluster}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`
    + `&limit=${POOL_PAGE_SIZE}&offset=${(page - 1) * POOL_PAGE_SIZE}`),
  placeholderData: (prev) => prev,
});
export const useRuns = () => useQuery({
  queryKey: ['cultivation', 'runs'], queryFn: () => api<{ items: Run[] }>('GET', '/cultivation/runs'),
  refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
});

/** Every pool an enterprise is or was in (removed ones with their reason), for its page. */
export const useMemberships = (organisationId: string, enabled: boolean) => useQuery({
  queryKey: ['cultivation', 'pool', 'of', organisationId], enabled,
  queryFn: () => api<Pool>('GET', `/cultivation/pools?organisationId=${organisationId}&status=all`),
});

export type PoolChange = { tier: string; organisationId: string } & (
  { kind: 'add'; mentor?: string } | { kind: 'remove'; reason: string } | { kind: 'mentor'; mentor: string });

export function usePoolChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: PoolChange) => {
      if (c.kind === 'add') return api('POST', `/cultivation/pools/${c.tier}/members`, { organisationId: c.organisationId, ...(c.mentor ? { mentor: c.mentor } : {}) });
      if (c.kind === 'remove') return api('POST', `/cultivation/pools/${c.tier}/members/${c.organisationId}/remove`, { reason: c.reason });
      return api('PUT', `/cultivation/pools/${c.tier}/members/${c.organisationId}/mentor`, { mentor: c.mentor });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['cultivation', 'pool'] }),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => api<Run>('POST', '/cultivation/runs', {}), onSuccess: () => void client.invalidateQueries({ queryKey: ['cultivation'] }) });
}

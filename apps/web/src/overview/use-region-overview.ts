import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import type { RegionOverview } from '../api/types.ts';

export function useRegionOverview(regionCode: string) {
  return useQuery({
    queryKey: ['region-overview', regionCode],
    queryFn: () => api<RegionOverview>('GET', `/regions/${encodeURIComponent(regionCode)}/overview`),
  });
}

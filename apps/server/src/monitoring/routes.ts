// HTTP wiring of monitoring.
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import { RegionOverview, RegionParams } from './contracts.ts';
import { getRegionOverview } from './overview/get-region-overview.ts';

export function registerMonitoringRoutes(api: ApiApp, { database }: AppContext): void {
  // City-level statistics are published figures: open to the public (big screen, open data).
  api.get('/regions/:code/overview', {
    config: { access: 'public' },
    schema: { tags: ['monitoring'], summary: '城市创新概览 / City innovation overview', params: RegionParams, response: { 200: RegionOverview } },
  }, async (request) => getRegionOverview(database.db, request.params.code));
}

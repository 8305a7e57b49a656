// The platform's modules: what the navigation may show to whom, and whose routes live under /api/v1.
// A new module adds one entry here; the web app maps the same keys to its pages.
import type { UserActor } from './platform/auth/actor.ts';
import type { RoleRequirement } from './platform/auth/authorize.ts';
import type { ApiApp } from './platform/http/api-app.ts';
import type { AppContext } from './platform/http/build-app.ts';
import { registerPlatformRoutes } from './platform/platform-routes.ts';
import { registerIdentityRoutes } from './identity/routes.ts';
import { registerMonitoringRoutes } from './monitoring/routes.ts';
import { registerDealsRoutes } from './market/deals/routes.ts';
import { registerMarketRoutes } from './market/routes.ts';
import { registerRegistryRoutes } from './registry/routes.ts';
import { registerCultivationRoutes } from './cultivation/routes.ts';
import { registerRegistryIndicatorProviders } from './registry/indicator-providers.ts';
import { registerMarketIndicatorProviders } from './market/deals/tech-contracts/indicator-provider.ts';

export type ModuleKey = 'overview' | 'monitoring' | 'market' | 'market_mine' | 'market_review' | 'market_negotiations' | 'market_auctions' | 'market_contracts' | 'market_contract_stats' | 'registry' | 'cultivation';

type ModuleEntry = { key: ModuleKey; navRoles: RoleRequirement };

const NAVIGABLE_MODULES: ModuleEntry[] = [{ key: 'overview', navRoles: 'authenticated' },
  { key: 'monitoring', navRoles: ['bureau_admin', 'bureau_staff', 'expert'] },
  { key: 'market', navRoles: 'authenticated' },
  { key: 'market_mine', navRoles: ['enterprise_user', 'provider_user'] },
  { key: 'market_review', navRoles: ['bureau_admin', 'bureau_staff'] },
  { key: 'market_negotiations', navRoles: ['enterprise_user', 'provider_user'] },
  { key: 'market_auctions', navRoles: 'authenticated' },
  { key: 'market_contracts', navRoles: 'authenticated' },
  { key: 'market_contract_stats', navRoles: ['bureau_admin', 'bureau_staff'] },
  { key: 'registry', navRoles: ['bureau_admin', 'bureau_staff', 'enterprise_user'] },
  { key: 'cultivation', navRoles: ['bureau_admin', 'bureau_staff'] }];

export function modulesFor(actor: UserActor): ModuleKey[] {
  return NAVIGABLE_MODULES.filter(({ navRoles }) =>
    navRoles === 'public' || navRoles === 'authenticated' || navRoles.includes(actor.role),
  ).map(({ key }) => key);
}

export async function registerModuleRoutes(api: ApiApp, ctx: AppContext): Promise<void> {
  registerPlatformRoutes(api, ctx);
  registerIdentityRoutes(api, ctx);
  registerMonitoringRoutes(api, ctx);
  registerMarketRoutes(api, ctx);
  registerDealsRoutes(api, ctx);
  registerRegistryRoutes(api, ctx);
  registerCultivationRoutes(api, ctx);
  // Live counts for the monitoring target board, from the modules that hold the data.
  registerRegistryIndicatorProviders();
  registerMarketIndicatorProviders();
}

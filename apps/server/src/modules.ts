// The platform's modules: what the navigation may show to whom, and whose routes live under /api/v1.
// A new module adds one entry here; the web app maps the same keys to its pages.
import type { UserActor } from './platform/auth/actor.ts';
import type { RoleRequirement } from './platform/auth/authorize.ts';
import type { ApiApp } from './platform/http/api-app.ts';
import type { AppContext } from './platform/http/build-app.ts';
import { registerPlatformRoutes } from './platform/platform-routes.ts';
import { registerIdentityRoutes } from './identity/routes.ts';
import { registerMonitoringRoutes } from './monitoring/routes.ts';

export type ModuleKey = 'overview';

type ModuleEntry = { key: ModuleKey; navRoles: RoleRequirement };

const NAVIGABLE_MODULES: ModuleEntry[] = [{ key: 'overview', navRoles: 'authenticated' }];

export function modulesFor(actor: UserActor): ModuleKey[] {
  return NAVIGABLE_MODULES.filter(({ navRoles }) =>
    navRoles === 'public' || navRoles === 'authenticated' || navRoles.includes(actor.role),
  ).map(({ key }) => key);
}

export async function registerModuleRoutes(api: ApiApp, ctx: AppContext): Promise<void> {
  registerPlatformRoutes(api, ctx);
  registerIdentityRoutes(api, ctx);
  registerMonitoringRoutes(api, ctx);
}

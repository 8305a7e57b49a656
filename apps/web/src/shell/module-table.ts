import type { MessageKey } from '../i18n/messages.ts';

// The one table that maps the server's module keys (me.modules) to the web app's routes and labels. A module
// appears in the navigation only when the server grants it AND it has a row here; unknown keys are ignored,
// so the server can announce modules before their pages ship.

export type ModuleKey = 'overview' | 'market' | 'market_mine' | 'market_review' | 'market_negotiations' | 'monitoring' | 'market_auctions' | 'market_contracts' | 'market_contract_stats' | 'registry' | 'cultivation';

export type ModuleEntry = { key: ModuleKey; path: string; label: MessageKey };

export const MODULE_TABLE: readonly ModuleEntry[] = [
  { key: 'overview', path: '/overview', label: 'nav.overview' },
  { key: 'monitoring', path: '/monitoring', label: 'nav.monitoring' },
  { key: 'market', path: '/market', label: 'nav.market' },
  { key: 'market_mine', path: '/market-mine', label: 'nav.market_mine' },
  { key: 'market_review', path: '/market-review', label: 'nav.market_review' },
  { key: 'market_negotiations', path: '/negotiations', label: 'nav.market_negotiations' },
  { key: 'market_auctions', path: '/auctions', label: 'nav.market_auctions' },
  { key: 'market_contracts', path: '/contracts', label: 'nav.market_contracts' },
  { key: 'market_contract_stats', path: '/contract-statistics', label: 'nav.market_contract_stats' },
  { key: 'registry', path: '/registry', label: 'nav.registry' },
  { key: 'cultivation', path: '/cultivation', label: 'nav.cultivation' },
];

/** The modules to show, in the table's order, for the keys the server granted. */
export function visibleModules(granted: readonly string[], table: readonly ModuleEntry[] = MODULE_TABLE): ModuleEntry[] {
  const set = new Set(granted);
  return table.filter((entry) => set.has(entry.key));
}

/** The module whose route contains `pathname`, if any. */
export function moduleForPath(pathname: string, table: readonly ModuleEntry[] = MODULE_TABLE): ModuleEntry | undefined {
  return table.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
}

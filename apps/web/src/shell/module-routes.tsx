import { FileSearchOutlined, ProfileOutlined, RiseOutlined, ShopOutlined, SwapOutlined, AuditOutlined, BarChartOutlined, FundOutlined, PieChartOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { ModuleKey } from './module-table.ts';

// Each module's page and icon. Pages load lazily, so a module's code (and ECharts, for pages with charts) is
// fetched only when its route is opened. The Record type makes a module row without a page a type error.

export const MODULE_PAGES: Record<ModuleKey, LazyExoticComponent<ComponentType>> = {
  overview: lazy(() => import('../overview/overview-page.tsx').then((m) => ({ default: m.OverviewPage }))),
  monitoring: lazy(() => import('../monitoring/monitoring-page.tsx').then((m) => ({ default: m.MonitoringPage }))),
  market: lazy(() => import('../market/market-page.tsx').then((m) => ({ default: m.MarketPage }))),
  market_mine: lazy(() => import('../market/my-listings-page.tsx').then((m) => ({ default: m.MyListingsPage }))),
  market_review: lazy(() => import('../market/review-page.tsx').then((m) => ({ default: m.ReviewPage }))),
  market_negotiations: lazy(() => import('../market/negotiations-page.tsx').then((m) => ({ default: m.NegotiationsPage }))),
  market_auctions: lazy(() => import('../market/deals/auctions-page.tsx').then((m) => ({ default: m.AuctionsPage }))),
  market_contracts: lazy(() => import('../market/deals/contracts-page.tsx').then((m) => ({ default: m.ContractsPage }))),
  market_contract_stats: lazy(() => import('../market/deals/contract-stats-page.tsx').then((m) => ({ default: m.ContractStatsPage }))),
  registry: lazy(() => import('../registry/registry-page.tsx').then((m) => ({ default: m.RegistryPage }))),
  cultivation: lazy(() => import('../cultivation/cultivation-page.tsx').then((m) => ({ default: m.CultivationPage }))),
};

export const MODULE_ICONS: Record<ModuleKey, ReactNode> = {
  overview: <BarChartOutlined />,
  monitoring: <FundOutlined />,
  market: <ShopOutlined />,
  market_mine: <ProfileOutlined />,
  market_review: <FileSearchOutlined />,
  market_negotiations: <SwapOutlined />,
  market_auctions: <ThunderboltOutlined />,
  market_contracts: <AuditOutlined />,
  market_contract_stats: <PieChartOutlined />,
  registry: <ShopOutlined />,
  cultivation: <RiseOutlined />,
};

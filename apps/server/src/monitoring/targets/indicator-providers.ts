// Live figures from other modules. The registry, cultivation and market modules count things the action plan
// sets targets for (高企数, 科技型中小企业数, 创新平台数, 技术合同成交额 …). Each registers a provider for the
// indicator it can count; the target board then shows the live count for the current year next to the
// published observations. See monitoring/README.md "Plugging a module in".
import type { Db } from '../../platform/database/open-database.ts';

export type IndicatorProvider = {
  /** The catalogue indicator this provider counts, e.g. 'hnte_count'. */
  indicatorCode: string;
  /** The module that owns the data: 'registry' | 'cultivation' | 'market' | … */
  module: string;
  /** What is counted, shown under the figure on the target board. */
  description: { zh: string; en: string };
  /**
   * The value now, for the region and everything under it (a city counts its districts), in the catalogue's
   * unit; null when the module holds no data for the region yet (the board then falls back to observations).
   */
  current(db: Db, regionCode: string, asOf: Date): Promise<number | null>;
};

const providers = new Map<string, IndicatorProvider>();

/** Registers (or replaces) the provider of an indicator. Call it from the module's route registration. */
export function registerIndicatorProvider(provider: IndicatorProvider): () => void {
  providers.set(provider.indicatorCode, provider);
  return () => { if (providers.get(provider.indicatorCode) === provider) providers.delete(provider.indicatorCode); };
}

export function indicatorProvider(indicatorCode: string): IndicatorProvider | undefined {
  return providers.get(indicatorCode);
}

// ECharts options for the monitoring pages, built from API data alone (pure, unit-tested).
import type { Lang } from '../i18n/messages.ts';
import type { CompositeResult, IndicatorSeries, IndustryResult, UnitResult } from './monitoring-types.ts';
import type { MonitoringChartOption } from './monitoring-echarts.ts';
import { tilesFor } from './tile-map.ts';

const nameOf = (x: { nameZh: string; nameEn: string }, lang: Lang) => (lang === 'en' ? x.nameEn : x.nameZh);
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** One line per region over every period any region has; the city first and thicker. */
export function trendOption(series: IndicatorSeries, lang: Lang, selected: readonly string[]): MonitoringChartOption {
  const periods = [...new Set(series.regions.flatMap((r) => r.points.map((p) => p.period)))].sort();
  const regions = series.regions.filter((r) => selected.length === 0 || selected.includes(r.code));
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: lang === 'en' ? series.indicator.unitEn : series.indicator.unit, scale: true },
    series: regions.map((r) => ({
      type: 'line' as const,
      name: nameOf(r, lang),
      connectNulls: true,
      lineStyle: { width: r.level === 'city' ? 3 : 1.5 },
      data: periods.map((p) => { const v = r.points.find((x) => x.period === p); return v ? round(v.value, 4) : null; }),
    })),
  };
}

/** The tile map: each unit a square coloured by its index score, labelled with its name and rank. */
export function tileMapOption(result: CompositeResult, lang: Lang): MonitoringChartOption {
  const tiles = tilesFor(result.units.map((u) => u.code));
  const cols = Math.max(...[...tiles.values()].map(([c]) => c)) + 1;
  const rows = Math.max(...[...tiles.values()].map(([, r]) => r)) + 1;
  const scores = result.units.map((u) => u.score ?? 0);
  const label = new Map(result.units.map((u) => [u.code, `${nameOf(u, lang)}\n#${u.rank ?? '—'}`]));
  const byTile = new Map(result.units.map((u) => [tiles.get(u.code)!.join(','), u]));
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number] }).value;
        const u = byTile.get(`${v[0]},${rows - 1 - v[1]}`);
        return u ? `${nameOf(u, lang)}: ${round(u.score ?? 0, 1)} (#${u.rank})` : '';
      },
    },
    grid: { left: 0, right: 0, top: 0, bottom: 48 },
    xAxis: { type: 'category', data: [...Array(cols).keys()].map(String), show: false },
    yAxis: { type: 'category', data: [...Array(rows).keys()].map(String), show: false },
    visualMap: { min: Math.floor(Math.min(...scores)), max: Math.ceil(Math.max(...scores)), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#deebf7', '#1f5fbf'] } },
    series: [{
      type: 'heatmap',
      data: result.units.map((u) => { const [c, r] = tiles.get(u.code)!; return [c, rows - 1 - r, round(u.score ?? 0, 1)]; }),
      label: {
        show: true, color: '#102a43', fontSize: 12,
        formatter: (p: unknown) => { const v = (p as { value: [number, number] }).value; const u = byTile.get(`${v[0]},${rows - 1 - v[1]}`); return u ? label.get(u.code)! : ''; },
      },
      itemStyle: { borderColor: '#fff', borderWidth: 3 },
    }],
  };
}

/** Radar of the unit's pillar scores against the mean of all units. */
export function radarOption(result: CompositeResult, unit: UnitResult, lang: Lang): MonitoringChartOption {
  const mean = (code: string) => result.units.reduce((s, u) => s + (u.pillars[code]?.score ?? 0), 0) / result.units.length;
  const max = Math.max(100, ...result.units.flatMap((u) => Object.values(u.pillars).map((p) => p.score ?? 0)));
  return {
    aria: { enabled: true },
    tooltip: {},
    legend: { bottom: 0 },
    radar: { indicator: result.pillars.map((p) => ({ name: nameOf(p, lang), max: Math.ceil(max) })), radius: '65%' },
    series: [{
      type: 'radar',
      data: [
        { name: nameOf(unit, lang), value: result.pillars.map((p) => round(unit.pillars[p.code]?.score ?? 0, 1)), areaStyle: { opacity: 0.25 } },
        { name: lang === 'en' ? 'Average of all units' : '全市平均', value: result.pillars.map((p) => round(mean(p.code), 1)), lineStyle: { type: 'dashed' } },
      ],
    }],
  };
}

/** Rank intervals from the Monte Carlo runs: the 5th–95th percentile as a bar, the median and nominal rank as points. */
export function rankIntervalOption(result: CompositeResult, lang: Lang): MonitoringChartOption {
  const stats = [...(result.sensitivity?.rankStats ?? [])].sort((a, b) => a.nominal - b.nominal);
  const names = new Map(result.units.map((u) => [u.code, nameOf(u, lang)]));
  const labels = stats.map((s) => names.get(s.uCode) ?? s.uCode);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [lang === 'en' ? '5th–95th percentile' : '5%–95% 区间', lang === 'en' ? 'Median' : '中位数', lang === 'en' ? 'Nominal rank' : '名义排名'] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: labels, inverse: true },
    xAxis: { type: 'value', min: 1, max: Math.max(1, stats.length), name: lang === 'en' ? 'Rank' : '排名', inverse: false },
    series: [
      { type: 'bar', stack: 'ci', itemStyle: { color: 'transparent' }, data: stats.map((s) => s.q5), tooltip: { show: false }, silent: true },
      { type: 'bar', stack: 'ci', name: lang === 'en' ? '5th–95th percentile' : '5%–95% 区间', itemStyle: { color: '#9ec5fe' }, barWidth: 10, data: stats.map((s) => round(s.q95 - s.q5, 2)) },
      { type: 'scatter', name: lang === 'en' ? 'Median' : '中位数', symbolSize: 10, itemStyle: { color: '#1f5fbf' }, data: stats.map((s) => s.median) },
      { type: 'scatter', name: lang === 'en' ? 'Nominal rank' : '名义排名', symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#e8741e' }, data: stats.map((s) => s.nominal) },
    ],
  };
}

/** The industry index: every sub-index and the composite over the periods, with the base = 100 line. */
export function industryOption(result: IndustryResult, lang: Lang): MonitoringChartOption {
  const names = lang === 'en'
    ? { price: 'Price', development: 'Development', sentiment: 'Sentiment', diffusion: 'Diffusion', composite: 'Composite' }
    : { price: '价格指数', development: '发展指数', sentiment: '景气指数', diffusion: '扩散指数', composite: '综合指数' };
  const keys = ['composite', 'price', 'development', 'sentiment', 'diffusion'] as const;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: result.periods.map((p) => p.period) },
    yAxis: { type: 'value', scale: true },
    series: keys.map((k, i) => ({
      type: 'line' as const, name: names[k], lineStyle: { width: k === 'composite' ? 3 : 1.5 },
      data: result.periods.map((p) => (p[k] === null ? null : round(p[k]!, 2))),
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }], label: { formatter: lang === 'en' ? 'base = 100' : '基期 = 100' } } } : {}),
    })),
  };
}

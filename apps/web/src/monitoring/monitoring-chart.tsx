import { useEffect, useRef } from 'react';
import { init, type MonitoringChartOption } from './monitoring-echarts.ts';

/** Like charts/e-chart.tsx (same test hooks: data-testid="chart-<name>", data-rendered) for the wider option type. */
export function MonitoringChart({ name, option, ariaLabel, height = 360 }: { name: string; option: MonitoringChartOption; ariaLabel: string; height?: number }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => container.setAttribute('data-rendered', 'true'));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => { observer.disconnect(); chart.dispose(); chartRef.current = null; container.setAttribute('data-rendered', 'false'); };
  }, []);
  useEffect(() => {
    const chart = chartRef.current;
    const container = containerRef.current;
    if (!chart || !container) return;
    container.setAttribute('data-rendered', 'false');
    chart.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={containerRef} data-testid={`chart-${name}`} data-rendered="false" role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}

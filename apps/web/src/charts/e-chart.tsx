import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-option.ts';
import { init } from './echarts-setup.ts';

type Props<O extends EChartsCoreOption> = {
  /** Gives the container `data-testid="chart-<name>"`, the hook the end-to-end test waits on. */
  name: string;
  /** Pages that register more chart types (monitoring: radar, heatmap) pass their wider option type. */
  option: O;
  /** A text description for screen readers; the chart itself is a canvas. */
  ariaLabel: string;
  height?: number;
};

/**
 * One ECharts instance in a div. After ECharts reports `finished` (drawn, animations done), the container gets
 * `data-rendered="true"`; a new option resets it to "false" until that drawing is finished too.
 */
export function EChart<O extends EChartsCoreOption = ChartOption>({ name, option, ariaLabel, height = 320 }: Props<O>) {
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
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      container.setAttribute('data-rendered', 'false');
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const container = containerRef.current;
    if (!chart || !container) return;
    container.setAttribute('data-rendered', 'false');
    chart.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={containerRef}
      data-testid={`chart-${name}`}
      data-rendered="false"
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height }}
    />
  );
}

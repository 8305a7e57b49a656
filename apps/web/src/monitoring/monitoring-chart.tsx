import { EChart } from '../charts/e-chart.tsx';
import type { MonitoringChartOption } from './monitoring-echarts.ts';
import './monitoring-echarts.ts'; // registers radar, heatmap and scatter before the first chart is made

/** The shared chart component (same test hooks) with the monitoring pages' wider option type and height. */
export function MonitoringChart({ name, option, ariaLabel, height = 360 }: { name: string; option: MonitoringChartOption; ariaLabel: string; height?: number }) {
  return <EChart<MonitoringChartOption> name={name} option={option} ariaLabel={ariaLabel} height={height} />;
}

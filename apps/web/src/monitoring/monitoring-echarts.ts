// The ECharts pieces the monitoring pages draw on top of the shared setup (bar and line): radar, heatmap (the
// tile map), scatter and visual maps. Registered only when a monitoring page loads.
import { HeatmapChart, LineChart, BarChart, RadarChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, RadarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent, VisualMapComponent, MarkLineComponent,
} from 'echarts/components';
import type {
  AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, RadarComponentOption, TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, RadarChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, RadarComponent,
  VisualMapComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export type MonitoringChartOption = ComposeOption<
  | BarSeriesOption | LineSeriesOption | RadarSeriesOption | HeatmapSeriesOption | ScatterSeriesOption
  | GridComponentOption | TooltipComponentOption | LegendComponentOption | RadarComponentOption | VisualMapComponentOption
  | MarkLineComponentOption | AriaComponentOption
>;

export { init };

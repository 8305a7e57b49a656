import { expect, test } from 'vitest';
import { monthChartOption } from './stats-charts.ts';

test('the month chart shows both amounts per month in 万元', () => {
  const option = monthChartOption([
    { key: '2025-03', label: '2025-03', labelEn: '2025-03', contracts: 1, totalFen: '120000000', technologyFen: '100000000' },
    { key: '2025-04', label: '2025-04', labelEn: '2025-04', contracts: 2, totalFen: '27812345', technologyFen: '21500000' },
  ], { total: '合同成交额', technology: '技术交易额' });
  expect(option.xAxis).toMatchObject({ data: ['2025-03', '2025-04'] });
  expect(option.series).toMatchObject([{ data: [120, 27.81] }, { data: [100, 21.5] }]);
});

import { Card, Flex, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { formatNumber } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { CITY_FRAMEWORK } from './index-tab.tsx';
import { MonitoringChart } from './monitoring-chart.tsx';
import { rankIntervalOption } from './monitoring-charts.ts';
import { useLatestRun } from './use-latest-run.ts';

export function SensitivityTab() {
  const { lang, t } = useLanguage();
  const { runs, run } = useLatestRun(CITY_FRAMEWORK);
  const result = run.data?.result.kind === 'composite' ? run.data.result : null;
  const option = useMemo(() => (result?.sensitivity ? rankIntervalOption(result, lang) : null), [result, lang]);
  if (runs.isPending || run.isPending) return <PageLoading />;
  if (run.isError) return <PageError error={run.error} onRetry={() => void run.refetch()} />;
  if (!result?.sensitivity || !option) return <Typography.Text>{t('mon.noSensitivity')}</Typography.Text>;
  const title = t('mon.sensitivity', { n: result.sensitivity.n, seed: result.sensitivity.seed });
  return (
    <Flex vertical gap={16}>
      <Card title={title}>
        <MonitoringChart name="rank-intervals" option={option} ariaLabel={title} height={Math.max(320, 32 * result.units.length + 60)} />
      </Card>
      <Card>
        <Table
          size="small" pagination={false} rowKey="input" dataSource={result.sensitivity.indices}
          columns={[
            { title: t('mon.col.input'), dataIndex: 'input' },
            { title: t('mon.col.si'), dataIndex: 'si', render: (v: number) => formatNumber(v, lang, 3) },
            { title: t('mon.col.sti'), dataIndex: 'sti', render: (v: number) => formatNumber(v, lang, 3) },
          ]}
        />
      </Card>
    </Flex>
  );
}

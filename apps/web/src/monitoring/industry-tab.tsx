import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { MonitoringChart } from './monitoring-chart.tsx';
import { industryOption } from './monitoring-charts.ts';
import { useLatestRun } from './use-latest-run.ts';

export function IndustryTab() {
  const { lang, t } = useLanguage();
  const { runs, run } = useLatestRun('industry-bearing');
  const result = run.data?.result.kind === 'industry' ? run.data.result : null;
  const option = useMemo(() => (result ? industryOption(result, lang) : null), [result, lang]);
  if (runs.isPending || run.isPending) return <PageLoading />;
  if (run.isError) return <PageError error={run.error} onRetry={() => void run.refetch()} />;
  if (!result || !option) return <Typography.Text>{t('mon.noRun')}</Typography.Text>;
  const title = t('mon.industryChart', { base: result.basePeriod });
  return <Card title={title}><MonitoringChart name="industry" option={option} ariaLabel={title} height={420} /></Card>;
}

import { Progress, Table, Tag, Typography } from 'antd';
import type { Target } from '../api/types.ts';
import { formatQuantity, formatRatio } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { isAchieved } from './overview-model.ts';

/** The action plan's targets: where each stands, how complete it is, and the yearly growth still needed. */
export function TargetsTable({ targets }: { targets: Target[] }) {
  const { lang, t } = useLanguage();
  const qty = (target: Target, value: number) => formatQuantity(value, target.unit, target.unitEn, lang);
  const inPeriod = (value: string, period: string) => t('overview.valueInPeriod', { value, period });
  const noData = <Typography.Text type="secondary">{t('state.noData')}</Typography.Text>;
  const observed = (target: Target, value: number | null, period: string | null) =>
    value === null || period === null ? noData : inPeriod(qty(target, value), period);

  return (
    <Table<Target>
      data-testid="targets-table"
      rowKey="indicatorCode"
      size="middle"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={targets}
      columns={[
        { key: 'indicator', title: t('overview.col.indicator'), render: (_, row) => (lang === 'en' ? row.nameEn : row.nameZh) },
        { key: 'baseline', title: t('overview.col.baseline'), render: (_, row) => observed(row, row.baselineValue, row.baselinePeriod) },
        { key: 'latest', title: t('overview.col.latest'), render: (_, row) => observed(row, row.latestValue, row.latestPeriod) },
        {
          key: 'target',
          title: t('overview.col.target'),
          render: (_, row) => {
            const value = qty(row, row.targetValue);
            return inPeriod(row.comparison === 'at_least' ? t('overview.atLeast', { value }) : value, row.targetPeriod);
          },
        },
        {
          key: 'completion',
          title: t('overview.col.completion'),
          width: 200,
          render: (_, row) => {
            const completion = row.completion;
            if (completion === null) return noData;
            return (
              <Progress
                percent={Math.min(100, Math.round(completion * 1000) / 10)}
                status={isAchieved(row) ? 'success' : 'normal'}
                format={() => formatRatio(completion, lang)}
                size="small"
              />
            );
          },
        },
        {
          key: 'cagr',
          title: t('overview.col.cagr'),
          align: 'right',
          render: (_, row) => {
            if (row.latestValue === null) return noData;
            if (isAchieved(row) || (row.cagrNeeded !== null && row.cagrNeeded <= 0)) return <Tag color="success">{t('overview.achieved')}</Tag>;
            if (row.cagrNeeded === null) return <Typography.Text type="secondary">{t('overview.cagrUnavailable')}</Typography.Text>;
            return t('overview.perYear', { rate: formatRatio(row.cagrNeeded, lang) });
          },
        },
      ]}
    />
  );
}

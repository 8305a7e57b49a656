import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../charts/e-chart.tsx';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { PageError, PageLoading } from '../../states/page-states.tsx';
import { useStatistics, type StatRow } from './deals-api.ts';
import { formatMoney } from './money.ts';
import { monthChartOption } from './stats-charts.ts';

/** 技术合同登记统计 for the bureau: totals, by type, field, month and region, and the Excel export. */
export function ContractStatsPage() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('stats.title'));
  const stats = useStatistics();
  const chart = useMemo(() => stats.data && monthChartOption(stats.data.by.month, { total: t('stats.total'), technology: t('stats.technology') }), [stats.data, t]);
  const heading = (
    <Flex justify="space-between" align="center">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('stats.title')}</Typography.Title>
      <Button href="/api/v1/market/contract-statistics.xlsx" data-testid="stats-export">{t('stats.export')}</Button>
    </Flex>
  );
  if (stats.isPending) return <>{heading}<PageLoading /></>;
  if (stats.isError || !chart) return <>{heading}<PageError error={stats.error} onRetry={() => void stats.refetch()} /></>;
  const { totals, by } = stats.data;
  const table = (dim: 'type' | 'field' | 'month' | 'region', title: MessageKey) => (
    <Col xs={24} xl={12} key={dim}>
      <Card title={t(title)}>
        <Table<StatRow> size="small" rowKey="key" pagination={false} dataSource={by[dim]} data-testid={`stats-${dim}`}
          columns={[
            { title: t('stats.col.name'), render: (_, r) => (dim === 'type' ? t(`contract.type.${r.key}` as MessageKey) : lang === 'en' ? r.labelEn : r.label) },
            { title: t('stats.col.count'), dataIndex: 'contracts', align: 'right' },
            { title: t('stats.total'), dataIndex: 'totalFen', align: 'right', render: (v: string) => formatMoney(v, lang) },
            { title: t('stats.technology'), dataIndex: 'technologyFen', align: 'right', render: (v: string) => formatMoney(v, lang) },
          ]} />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16}>
      {heading}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}><Card><Statistic title={t('stats.contracts')} value={totals.contracts} valueRender={(n) => <span data-testid="stats-total-contracts">{n}</span>} /></Card></Col>
        <Col xs={24} md={8}><Card><Statistic title={t('stats.total')} value={formatMoney(totals.totalFen, lang)} valueRender={(n) => <span data-testid="stats-total-amount">{n}</span>} /></Card></Col>
        <Col xs={24} md={8}><Card><Statistic title={t('stats.technology')} value={formatMoney(totals.technologyFen, lang)} /></Card></Col>
      </Row>
      <Card title={t('stats.monthChart')}><EChart name="contracts-month" option={chart} ariaLabel={t('stats.monthChart')} /></Card>
      <Row gutter={[16, 16]}>
        {table('type', 'stats.byType')}
        {table('field', 'stats.byField')}
        {table('month', 'stats.byMonth')}
        {table('region', 'stats.byRegion')}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stats.note')}</Typography.Text>
    </Flex>
  );
}

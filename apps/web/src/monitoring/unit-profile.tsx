import { Button, Card, Col, Flex, List, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatNumber } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { CITY_FRAMEWORK } from './index-tab.tsx';
import { MonitoringChart } from './monitoring-chart.tsx';
import { radarOption } from './monitoring-charts.ts';
import { useLatestRun } from './use-latest-run.ts';

/** One unit's profile: radar of the five pillars against the average, and its strongest and weakest indicators. */
export function UnitProfile() {
  const { lang, t } = useLanguage();
  const { unit: code } = useParams();
  const [search] = useSearchParams();
  const { runs, run } = useLatestRun(CITY_FRAMEWORK, search.get('run') ?? undefined);
  const result = run.data?.result.kind === 'composite' ? run.data.result : null;
  const unit = result?.units.find((u) => u.code === code);
  const option = useMemo(() => (result && unit ? radarOption(result, unit, lang) : null), [result, unit, lang]);
  if (runs.isPending || run.isPending) return <PageLoading />;
  if (run.isError) return <PageError error={run.error} onRetry={() => void run.refetch()} />;
  if (!result || !unit || !option) return <Typography.Text>{t('mon.noRun')}</Typography.Text>;
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  const indicatorName = (iCode: string) => { const i = result.indicators.find((x) => x.code === iCode); return i ? name(i) : iCode; };
  const value = (iCode: string) => { const v = unit.indicators[iCode]?.value; return v == null ? '—' : formatNumber(v, lang, 2); };
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="baseline">
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }} data-testid="profile-title">{t('mon.profile', { name: name(unit) })}</Typography.Title>
        <Typography.Text type="secondary">{result.period} · {t('mon.rankOf', { rank: unit.rank ?? '—' })} · {formatNumber(unit.score ?? 0, lang, 1)}</Typography.Text>
        <Link to="/monitoring/index"><Button size="small">{t('mon.back')}</Button></Link>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('mon.radar')}><MonitoringChart name="radar" option={option} ariaLabel={t('mon.radar')} height={380} /></Card>
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={t('mon.strengths')} size="small">
              <List size="small" data-testid="strengths" dataSource={unit.strengths} renderItem={(s) => <List.Item>{indicatorName(s.iCode)}：{value(s.iCode)}（{t('mon.rankOf', { rank: s.rank })}）</List.Item>} />
            </Card>
            <Card title={t('mon.weaknesses')} size="small">
              <List size="small" data-testid="weaknesses" dataSource={unit.weaknesses} renderItem={(s) => <List.Item>{indicatorName(s.iCode)}：{value(s.iCode)}（{t('mon.rankOf', { rank: s.rank })}）</List.Item>} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

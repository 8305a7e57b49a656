import { Card, Col, Flex, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useCurrentUser } from '../auth/current-user.ts';
import { EChart } from '../charts/e-chart.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { HeadlineFigures } from './headline-figures.tsx';
import { growthChartOption, rdChartOption, targetsChartOption } from './overview-charts.ts';
import { findIndicator, INDICATOR, orderTargets, targetYear } from './overview-model.ts';
import { TargetsTable } from './targets-table.tsx';
import { useRegionOverview } from './use-region-overview.ts';

/** 城市创新概览: the city's R&D, its innovation actors over time, and the action plan's targets. */
export function OverviewPage() {
  const me = useCurrentUser();
  const { lang, t } = useLanguage();
  const overview = useRegionOverview(me.regionCode);
  useDocumentTitle(t('overview.title'));

  const data = overview.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const rd = findIndicator(data, INDICATOR.rdExpenditure);
    const intensity = findIndicator(data, INDICATOR.rdIntensity);
    const hnte = findIndicator(data, INDICATOR.hnteCount);
    const platforms = findIndicator(data, INDICATOR.platformCount);
    const targets = orderTargets(data.targets);
    return {
      headline: [rd, intensity, hnte, platforms],
      rd: rdChartOption(rd, intensity, lang),
      growth: growthChartOption([hnte, platforms], lang),
      targets: targetsChartOption(targets, lang, t('state.noData')),
      orderedTargets: targets,
    };
  }, [data, lang, t]);

  const heading = (
    <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
      {t('overview.title')}
    </Typography.Title>
  );
  if (overview.isPending) return <>{heading}<PageLoading /></>;
  if (overview.isError || !data || !charts) return <>{heading}<PageError error={overview.error} onRetry={() => void overview.refetch()} /></>;

  const regionName = lang === 'en' ? data.region.nameEn : data.region.name;
  const year = targetYear(data.targets);
  return (
    <Flex vertical gap={16}>
      <div>
        {heading}
        <Typography.Text type="secondary" data-testid="overview-region">
          {t('overview.subtitle', { region: regionName })}
        </Typography.Text>
      </div>
      <HeadlineFigures indicators={charts.headline} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('overview.rdChart')}>
            <EChart name="rd" option={charts.rd} ariaLabel={t('overview.rdChart')} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.growthChart')}>
            <EChart name="growth" option={charts.growth} ariaLabel={t('overview.growthChart')} />
          </Card>
        </Col>
      </Row>
      <Card title={t('overview.targetsTable', { year })}>
        <Flex vertical gap={16}>
          <EChart
            name="targets"
            option={charts.targets}
            ariaLabel={t('overview.targetsChart', { year })}
            height={Math.max(200, 44 * data.targets.length + 40)}
          />
          <TargetsTable targets={charts.orderedTargets} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('overview.source')}</Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}

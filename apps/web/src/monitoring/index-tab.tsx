import { Button, Card, Col, Flex, Row, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { MonitoringChart } from './monitoring-chart.tsx';
import { tileMapOption } from './monitoring-charts.ts';
import type { UnitResult } from './monitoring-types.ts';
import { useLatestRun } from './use-latest-run.ts';
import { ReportButtons } from './report-buttons.tsx';
import { useRunIndex } from './use-monitoring.ts';

export const CITY_FRAMEWORK = 'innovative-city';

export function IndexTab() {
  const { lang, t } = useLanguage();
  const [chosen, setChosen] = useState<string | undefined>();
  const { runs, run, id } = useLatestRun(CITY_FRAMEWORK, chosen);
  const recompute = useRunIndex(CITY_FRAMEWORK);
  const result = run.data?.result.kind === 'composite' ? run.data.result : null;
  const map = useMemo(() => (result ? tileMapOption(result, lang) : null), [result, lang]);
  if (runs.isPending || (id && run.isPending)) return <PageLoading />;
  if (runs.isError) return <PageError error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!result || !map) return <Typography.Text>{t('mon.noRun')}</Typography.Text>;
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Select
          style={{ minWidth: 280 }} value={id} onChange={setChosen} aria-label={t('mon.run')}
          options={runs.data.items.map((r) => ({ value: r.id, label: `${r.period} · v${r.frameworkVersion} · ${r.createdAt.slice(0, 16).replace('T', ' ')}` }))}
        />
        <Button loading={recompute.isPending} onClick={() => recompute.mutate({ sensitivity: { n: 200, seed: 1 } }, { onSuccess: (r) => setChosen(r.id) })}>{t('mon.runNow')}</Button>
        <ReportButtons run={id} period={result.period} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('mon.ranking', { period: result.period })}>
            <Table<UnitResult>
              size="small" pagination={false} rowKey="code" dataSource={result.units} data-testid="ranking-table" scroll={{ x: 720 }}
              columns={[
                { title: t('mon.col.rank'), dataIndex: 'rank', width: 64 },
                { title: t('mon.col.unit'), render: (_, u) => <Link to={`/monitoring/index/${u.code}${chosen ? `?run=${chosen}` : ''}`}>{name(u)}</Link> },
                { title: t('mon.col.index'), render: (_, u) => (u.score === null ? '—' : formatNumber(u.score, lang, 1)) },
                ...result.pillars.map((p) => ({
                  title: name(p), key: p.code,
                  render: (_: unknown, u: UnitResult) => { const s = u.pillars[p.code]; return s?.score == null ? '—' : `${formatNumber(s.score, lang, 1)} (#${s.rank})`; },
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('mon.map', { period: result.period })}>
            <MonitoringChart name="tile-map" option={map} ariaLabel={t('mon.map', { period: result.period })} height={420} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

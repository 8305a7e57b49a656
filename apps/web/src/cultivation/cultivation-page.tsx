import { Alert, Button, Card, Col, Flex, Input, Row, Segmented, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EChart } from '../charts/e-chart.tsx';
import { formatNumber, formatRatio } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { CLUSTER_NAMES } from '../registry/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { seriesChartOption } from './board-charts.ts';
import { POOL_PAGE_SIZE, useAlerts, useBoard, usePool, useRuns, useStartRun, type BoardTarget, type PoolMember, type Run } from './cultivation-api.ts';
import { POOL_TIERS as TIERS, PoolDialog, type PoolDialogState } from './pool-dialogs.tsx';
const OUTCOME_COLOR: Record<string, string> = { qualified: 'green', not_qualified: 'red', undetermined: 'gold' };

/** 梯次培育: pools, the 双倍增 board, alerts and evaluation runs. */
export function CultivationPage() {
  const { t } = useLanguage();
  useDocumentTitle(t('cul.title'));
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('cul.title')}</Typography.Title>
      <Tabs destroyOnHidden items={[
        { key: 'pools', label: t('cul.tab.pools'), children: <Pools /> },
        { key: 'board', label: t('cul.tab.board'), children: <BoardTab /> },
        { key: 'alerts', label: t('cul.tab.alerts'), children: <AlertsTab /> },
        { key: 'runs', label: t('cul.tab.runs'), children: <RunsTab /> },
      ]} />
    </Flex>
  );
}

function useClusterName() {
  const { lang } = useLanguage();
  return (c: string | null) => (c ? (lang === 'en' ? CLUSTER_NAMES[c]?.en : CLUSTER_NAMES[c]?.zh) ?? c : '—');
}

function Pools() {
  const { t } = useLanguage();
  const [tier, setTier] = useState('hnte');
  const [cluster, setCluster] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const pool = usePool(tier, cluster, q, page);
  const clusterName = useClusterName();
  const [dialog, setDialog] = useState<PoolDialogState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = (kind: 'remove' | 'mentor', m: PoolMember) => setDialog({ kind, tier, enterprise: { id: m.organisationId, name: m.name } });
  const byCluster = useMemo(() => (pool.data?.counts ?? []).filter((c) => c.tier === tier).sort((a, b) => b.count - a.count), [pool.data, tier]);
  return (
    <Flex vertical gap={12} data-testid="pools">
      <Segmented value={tier} onChange={(v) => { setTier(String(v)); setPage(1); }} options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as MessageKey) }))} />
      <Flex gap={8} wrap>
        <Input.Search placeholder={t('reg.search')} allowClear style={{ width: 240 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} data-testid="pool-search" />
        <Select allowClear placeholder={t('reg.cluster')} style={{ width: 200 }} value={cluster} onChange={(v) => { setCluster(v); setPage(1); }}
          options={Object.keys(CLUSTER_NAMES).map((c) => ({ value: c, label: clusterName(c) }))} />
        {!cluster && byCluster.map((c) => <Tag key={c.cluster ?? '-'}>{clusterName(c.cluster)} {c.count}</Tag>)}
        <Button type="primary" style={{ marginInlineStart: 'auto' }} onClick={() => setDialog({ kind: 'add', tier })} data-testid="pool-add">{t('pool.add')}</Button>
      </Flex>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} data-testid="pool-done" />}
      {pool.isError ? <PageError error={pool.error} onRetry={() => void pool.refetch()} /> : (
        <Table<PoolMember>
          size="small" rowKey="organisationId" loading={pool.isPending} dataSource={pool.data?.items} data-testid="pool-table"
          pagination={{ current: page, pageSize: POOL_PAGE_SIZE, total: pool.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('cul.members', { n }) }}
          columns={[
            { title: t('reg.col.name'), dataIndex: 'name', render: (n: string, m) => <Link to={`/registry/${m.organisationId}`}>{n}</Link> },
            { title: t('reg.col.cluster'), dataIndex: 'cluster', width: 130, render: clusterName },
            { title: t('cul.col.outcome'), dataIndex: 'outcome', width: 100, render: (o: string | null) => (o ? <Tag color={OUTCOME_COLOR[o]}>{t(`self.outcome.${o}` as MessageKey)}</Tag> : '—') },
            { title: t('cul.col.unmet'), dataIndex: 'unmet', width: 100 },
            { title: t('cul.col.gaps'), dataIndex: 'gapCriteria', render: (g: string[] | null) => (g ?? []).join(', ') },
            { title: t('cul.col.mentor'), dataIndex: 'mentor', width: 110, render: (m: string | null) => m ?? '—' },
            { title: t('cul.col.obtained'), dataIndex: 'obtained', width: 90, render: (o: boolean) => (o ? <Tag color="green">✓</Tag> : '') },
            { title: '', width: 170, render: (_: unknown, m) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => act('mentor', m)} data-testid="pool-mentor">{t('cul.assignMentor')}</Button>
                <Button size="small" danger onClick={() => act('remove', m)} data-testid="pool-remove">{t('cul.remove')}</Button>
              </Flex>
            ) },
          ]}
        />
      )}
      <PoolDialog state={dialog} onClose={() => setDialog(null)}
        onDone={(c) => setDone(`${t(c.kind === 'add' ? 'pool.added' : c.kind === 'remove' ? 'pool.removed' : 'pool.mentorSaved')}${dialog?.enterprise ? ` · ${dialog.enterprise.name}` : ''}`)} />
    </Flex>
  );
}

function BoardTab() {
  const { lang, t } = useLanguage();
  const board = useBoard();
  const charts = useMemo(() => {
    if (!board.data) return null;
    const b = board.data;
    return {
      tiers: seriesChartOption(TIERS.map((x) => ({ name: t(`tier.${x}` as MessageKey), points: b.tiers[x] ?? [] })), 'line', t('cul.board.tiers')),
      platforms: seriesChartOption(['national', 'provincial', 'municipal'].map((l) => ({ name: t(`level.${l}` as MessageKey), points: b.platformsByLevel[l] ?? [] })), 'stacked', t('cul.board.platforms')),
    };
  }, [board.data, t]);
  if (board.isPending) return <PageLoading />;
  if (board.isError || !charts) return <PageError error={board.error} onRetry={() => void board.refetch()} />;
  const num = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 0));
  const pct = (v: number | null) => (v === null ? '—' : formatRatio(v, lang));
  return (
    <Flex vertical gap={16} data-testid="board">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><Card title={t('cul.board.tiers')}><EChart name="board-tiers" option={charts.tiers} ariaLabel={t('cul.board.tiers')} /></Card></Col>
        <Col xs={24} xl={12}><Card title={t('cul.board.platforms')}><EChart name="board-platforms" option={charts.platforms} ariaLabel={t('cul.board.platforms')} /></Card></Col>
      </Row>
      <Card title={t('cul.board.targets')}>
        <Table<BoardTarget> size="small" rowKey="indicatorCode" pagination={false} dataSource={board.data.targets} data-testid="board-targets" columns={[
          { title: t('cul.board.indicator'), render: (_: unknown, x) => (lang === 'en' ? x.nameEn : x.nameZh) },
          { title: t('cul.board.target', { period: board.data.targets[0]?.targetPeriod ?? '' }), dataIndex: 'targetValue', render: num },
          { title: t('cul.board.official', { period: board.data.targets[0]?.official.latestPeriod ?? '' }), render: (_: unknown, x) => num(x.official.latestValue) },
          { title: t('cul.board.registry', { year: board.data.targets[0]?.registry.latestYear ?? '' }), render: (_: unknown, x) => num(x.registry.latestValue) },
          { title: t('cul.board.completion'), render: (_: unknown, x) => pct(x.registry.completion) },
          { title: t('cul.board.growth'), render: (_: unknown, x) => pct(x.registry.growthNeeded) },
          { title: t('cul.board.forecast'), render: (_: unknown, x) => num(x.registry.forecastAtTarget) },
        ]} />
      </Card>
    </Flex>
  );
}

function AlertsTab() {
  const { t } = useLanguage();
  const alerts = useAlerts();
  if (alerts.isPending) return <PageLoading />;
  if (alerts.isError) return <PageError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  return (
    <Row gutter={[16, 16]} data-testid="alerts">
      <Col xs={24} xl={12}>
        <Card title={t('cul.alerts.expiring')} size="small">
          <Table size="small" rowKey={(r) => `${r.organisationId}-${r.kind}`} dataSource={alerts.data.expiring} pagination={{ pageSize: 10 }} columns={[
            { title: t('reg.col.name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/registry/${r.organisationId}`}>{n}</Link> },
            { title: t('cul.tier'), dataIndex: 'kind', render: (k: string) => t(`tier.${k}` as MessageKey) },
            { title: '', dataIndex: 'daysLeft', width: 110, render: (n: number) => <Tag color={n < 60 ? 'red' : 'gold'}>{t('cul.alerts.days', { n })}</Tag> },
          ]} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('cul.alerts.reach')} size="small">
          <Table size="small" rowKey={(r) => `${r.organisationId}-${r.tier}`} dataSource={alerts.data.newlyWithinReach} pagination={{ pageSize: 10 }} columns={[
            { title: t('reg.col.name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/registry/${r.organisationId}`}>{n}</Link> },
            { title: t('cul.tier'), dataIndex: 'tier', render: (k: string) => t(`tier.${k}` as MessageKey) },
          ]} />
        </Card>
      </Col>
    </Row>
  );
}

function RunsTab() {
  const { t } = useLanguage();
  const runs = useRuns();
  const start = useStartRun();
  return (
    <Flex vertical gap={12}>
      <div><Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="start-run">{t('cul.runs.start')}</Button></div>
      <Table<Run> size="small" rowKey="id" loading={runs.isPending} dataSource={runs.data?.items} pagination={false} columns={[
        { title: t('cul.runs.asOf'), dataIndex: 'asOf', width: 120 },
        { title: t('cul.runs.status'), dataIndex: 'status', width: 100 },
        { title: t('cul.runs.progress'), width: 140, render: (_: unknown, r) => `${r.done}/${r.total}` },
        { title: t('cul.runs.versions'), dataIndex: 'ruleVersions', render: (v: Record<string, string>) => Object.entries(v).map(([k, x]) => <Tag key={k}>{k} {x}</Tag>) },
      ]} />
    </Flex>
  );
}

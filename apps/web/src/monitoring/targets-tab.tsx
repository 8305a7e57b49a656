import { Card, Flex, Progress, Table, Tag, Tooltip } from 'antd';
import { formatNumber, formatRatio } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import type { BoardTarget, TargetStatus } from './monitoring-types.ts';
import { useTargetBoard } from './use-monitoring.ts';

const STATUS_COLOUR: Record<TargetStatus, string> = { achieved: 'green', on_track: 'blue', off_track: 'red', no_trend: 'default', no_data: 'default' };

export function TargetsTab() {
  const { lang, t } = useLanguage();
  const board = useTargetBoard();
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <PageError error={board.error} onRetry={() => void board.refetch()} />;
  const num = (v: number | null, unit?: string) => (v === null ? '—' : `${formatNumber(v, lang, 2)}${unit ? ` ${unit}` : ''}`);
  const pct = (v: number | null) => (v === null ? '—' : formatRatio(v, lang, 1));
  return (
    <Flex vertical gap={16} data-testid="target-board">
      {board.data.plans.map((plan) => (
        <Card key={plan.code} title={lang === 'en' ? plan.nameEn : plan.nameZh}>
          <Table<BoardTarget>
            size="small" pagination={false} rowKey="indicatorCode" dataSource={plan.targets} scroll={{ x: 960 }}
            columns={[
              {
                title: t('mon.indicator'),
                render: (_, r) => (
                  <Flex vertical>
                    <span>{lang === 'en' ? r.nameEn : r.nameZh}</span>
                    {r.live && <Tag color="purple" style={{ width: 'fit-content' }}>{t('mon.live', { what: lang === 'en' ? r.live.descriptionEn : r.live.descriptionZh })}</Tag>}
                  </Flex>
                ),
              },
              { title: t('mon.col.baseline'), render: (_, r) => (r.baselineValue === null ? '—' : `${num(r.baselineValue)}（${r.baselinePeriod}）`) },
              { title: t('mon.col.latest'), render: (_, r) => (r.latest ? `${num(r.latest.value)}（${r.latest.period}）` : '—') },
              { title: t('mon.col.target'), render: (_, r) => `${num(r.targetValue, lang === 'en' ? r.unitEn : r.unit)}（${r.targetPeriod}）` },
              {
                title: t('mon.col.completion'), width: 160,
                render: (_, r) => (r.completion === null ? '—' : <Tooltip title={pct(r.completion)}><Progress percent={Math.min(100, Math.round(r.completion * 1000) / 10)} size="small" format={() => pct(r.completion)} /></Tooltip>),
              },
              { title: t('mon.col.cagrAchieved'), render: (_, r) => pct(r.cagrAchieved) },
              { title: t('mon.col.cagrNeeded'), render: (_, r) => (r.status === 'achieved' ? '—' : pct(r.cagrNeeded)) },
              { title: t('mon.col.forecast', { year: plan.endPeriod }), render: (_, r) => num(r.forecast) },
              { title: t('mon.col.status'), render: (_, r) => <Tag color={STATUS_COLOUR[r.status]} data-testid={`status-${r.indicatorCode}`}>{t(`mon.status.${r.status}`)}</Tag> },
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}

import { Button, Card, Flex, Popconfirm, Progress, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../auth/current-user.ts';
import { formatNumber, formatRatio } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import type { BoardTarget, TargetBoard, TargetStatus } from './monitoring-types.ts';
import { PlanDialog, TargetDialog } from './plan-dialogs.tsx';
import { ReportButtons } from './report-buttons.tsx';
import { usePlanWrites, useTargetBoard } from './use-monitoring.ts';

const STATUS_COLOUR: Record<TargetStatus, string> = { achieved: 'green', on_track: 'blue', off_track: 'red', no_trend: 'default', no_data: 'default' };

type Plan = TargetBoard['plans'][number];
type Editing = { kind: 'plan'; plan: Plan | null } | { kind: 'target'; plan: Plan; target: BoardTarget | null } | null;

/** The target board; bureau staff also create and edit plans and targets here (every change is audited). */
export function TargetsTab() {
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  const bureau = me.role === 'bureau_admin' || me.role === 'bureau_staff';
  const board = useTargetBoard();
  const writes = usePlanWrites();
  const [editing, setEditing] = useState<Editing>(null);
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <PageError error={board.error} onRetry={() => void board.refetch()} />;
  const num = (v: number | null, unit?: string) => (v === null ? '—' : `${formatNumber(v, lang, 2)}${unit ? ` ${unit}` : ''}`);
  const pct = (v: number | null) => (v === null ? '—' : formatRatio(v, lang, 1));
  const close = () => setEditing(null);
  return (
    <Flex vertical gap={16} data-testid="target-board">
      <Flex gap={8} wrap>
        {bureau && <Button data-testid="plan-new" onClick={() => setEditing({ kind: 'plan', plan: null })}>{t('mon.plan.new')}</Button>}
        <ReportButtons />
      </Flex>
      {board.data.plans.map((plan) => (
        <Card
          key={plan.code} title={lang === 'en' ? plan.nameEn : plan.nameZh}
          extra={bureau && (
            <Space wrap>
              <Button size="small" type="primary" data-testid={`target-new-${plan.code}`} onClick={() => setEditing({ kind: 'target', plan, target: null })}>{t('mon.target.new')}</Button>
              <Button size="small" onClick={() => setEditing({ kind: 'plan', plan })}>{t('mon.plan.edit')}</Button>
              <Popconfirm title={t('mon.plan.deleteConfirm')} okText={t('mon.plan.delete')} cancelText={t('mon.cancel')} onConfirm={() => writes.deletePlan.mutateAsync(plan.code)}>
                <Button size="small" danger>{t('mon.plan.delete')}</Button>
              </Popconfirm>
            </Space>
          )}
        >
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
              { title: t('mon.col.target'), render: (_, r) => <span data-testid={`target-${r.indicatorCode}`}>{`${num(r.targetValue, lang === 'en' ? r.unitEn : r.unit)}（${r.targetPeriod}）`}</span> },
              {
                title: t('mon.col.completion'), width: 160,
                render: (_, r) => (r.completion === null ? '—' : <Tooltip title={pct(r.completion)}><Progress percent={Math.min(100, Math.round(r.completion * 1000) / 10)} size="small" format={() => pct(r.completion)} /></Tooltip>),
              },
              { title: t('mon.col.cagrAchieved'), render: (_, r) => pct(r.cagrAchieved) },
              { title: t('mon.col.cagrNeeded'), render: (_, r) => (r.status === 'achieved' ? '—' : pct(r.cagrNeeded)) },
              { title: t('mon.col.forecast', { year: plan.endPeriod }), render: (_, r) => num(r.forecast) },
              { title: t('mon.col.status'), render: (_, r) => <Tag color={STATUS_COLOUR[r.status]} data-testid={`status-${r.indicatorCode}`}>{t(`mon.status.${r.status}`)}</Tag> },
              ...(bureau ? [{
                title: t('mon.col.actions'), key: 'actions', fixed: 'right' as const, width: 120,
                render: (_: unknown, r: BoardTarget) => (
                  <Space size={4}>
                    <Button size="small" type="link" data-testid={`edit-target-${r.indicatorCode}`} onClick={() => setEditing({ kind: 'target', plan, target: r })}>{t('mon.target.edit')}</Button>
                    <Popconfirm title={t('mon.target.deleteConfirm')} okText={t('mon.target.delete')} cancelText={t('mon.cancel')}
                      onConfirm={() => writes.deleteTarget.mutateAsync({ plan: plan.code, indicator: r.indicatorCode })}>
                      <Button size="small" type="link" danger>{t('mon.target.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }] : []),
            ]}
          />
        </Card>
      ))}
      {bureau && (
        <>
          <PlanDialog open={editing?.kind === 'plan'} plan={editing?.kind === 'plan' ? editing.plan : null} onClose={close} />
          <TargetDialog
            open={editing?.kind === 'target'} planCode={editing?.kind === 'target' ? editing.plan.code : ''}
            target={editing?.kind === 'target' ? editing.target : null} onClose={close}
            taken={editing?.kind === 'target' ? editing.plan.targets.map((x) => x.indicatorCode) : []}
          />
        </>
      )}
    </Flex>
  );
}

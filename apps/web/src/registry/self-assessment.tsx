import { Alert, Card, Flex, List, Progress, Table, Tag, Typography } from 'antd';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { useSelfAssessment, type Criterion, type Points, type RuleResult } from './registry-api.ts';
import { scoreBar } from './score-bar.ts';

const OUTCOME_COLOR = { qualified: 'green', not_qualified: 'red', undetermined: 'gold' } as const;
const STATUS_COLOR = { met: 'green', unmet: 'red', unknown: 'default', manual_review: 'blue' } as const;

/** The enterprise's self-assessment: each rule's outcome, score bar, criteria and gaps. */
export function SelfAssessment({ id }: { id: string }) {
  const { t } = useLanguage();
  const q = useSelfAssessment(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const tierName = (tier: string | null) => (tier ? t(`tier.${tier}` as MessageKey) : t('self.none'));
  return (
    <Flex vertical gap={16} data-testid="self-assessment">
      <Typography.Text type="secondary">{t('self.asOf', { date: a.asOf, tier: tierName(a.currentTier), next: tierName(a.nextTier) })}</Typography.Text>
      {a.results.map((r) => <RuleCard key={r.rule} result={r} />)}
    </Flex>
  );
}

function RuleCard({ result }: { result: RuleResult }) {
  const { lang, t } = useLanguage();
  const bar = scoreBar(result.score);
  const title = (
    <Flex gap={8} align="center" wrap>
      <span>{t(`tier.${result.rule}` as MessageKey)}</span>
      <Tag color={OUTCOME_COLOR[result.outcome]} data-testid={`outcome-${result.rule}`}>{t(`self.outcome.${result.outcome}`)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('self.version', { version: result.version })}</Typography.Text>
    </Flex>
  );
  return (
    <Card title={title} size="small" data-testid={`rule-${result.rule}`}>
      <Flex vertical gap={12}>
        {bar && (
          <div>
            <Typography.Text>{bar.min === bar.max ? `${t('self.score')} ${bar.min}` : t('self.scoreRange', { min: bar.min, max: bar.max })}</Typography.Text>
            <Progress percent={bar.maxPct} success={{ percent: bar.minPct }} showInfo={false} aria-label={t('self.score')} />
          </div>
        )}
        <Table<Criterion>
          size="small" rowKey="id" pagination={false} dataSource={result.criteria}
          columns={[
            { title: t('self.criterion'), render: (_: unknown, c) => (lang === 'en' ? c.message_en : c.message) },
            { title: t('self.threshold'), dataIndex: 'threshold', width: 160, render: (v: string | null) => v ?? '—' },
            { title: t('self.score'), dataIndex: 'points', width: 90, render: (p: Points) => pointsText(p) },
            { title: t('self.status'), dataIndex: 'status', width: 110, render: (s: Criterion['status']) => <Tag color={STATUS_COLOR[s]}>{t(`self.status.${s}`)}</Tag> },
          ]}
        />
        {result.gaps.length > 0 ? (
          <List
            size="small" header={<strong>{t('self.gaps')}</strong>} dataSource={result.gaps} data-testid={`gaps-${result.rule}`}
            renderItem={(g) => <List.Item>{lang === 'en' ? g.message_en : g.message}</List.Item>}
          />
        ) : <Alert type="success" title={t('self.noGaps')} />}
      </Flex>
    </Card>
  );
}

function pointsText(p: Points): string {
  if (p === null) return '—';
  if (typeof p === 'number') return String(p);
  return p.min === p.max ? String(p.min) : `${p.min}–${p.max}`;
}

import { Card, Flex, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';

type Ladder = {
  years: { year: number; science: string | null; industry: string | null }[];
  runs: { runId: string; asOf: string; results: { rule: string; version: string; outcome: string; unmet: number }[] }[];
};
const OUTCOME_COLOR: Record<string, string> = { qualified: 'green', not_qualified: 'red', undetermined: 'gold' };

/** The enterprise's tiers at each year end, and the engine's verdicts in past evaluation runs. */
export function LadderTab({ id }: { id: string }) {
  const { t } = useLanguage();
  const q = useQuery({ queryKey: ['cultivation', 'ladder', id], queryFn: () => api<Ladder>('GET', `/cultivation/enterprises/${id}/ladder`) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const tier = (x: string | null) => (x ? <Tag color="blue">{t(`tier.${x}` as MessageKey)}</Tag> : '—');
  return (
    <Flex vertical gap={16} data-testid="ladder">
      <Card size="small" title={t('ladder.years')}>
        <Table size="small" rowKey="year" pagination={false} dataSource={[...q.data.years].reverse()} columns={[
          { title: t('reg.fy.year'), dataIndex: 'year', width: 90 },
          { title: t('ladder.science'), dataIndex: 'science', render: tier },
          { title: t('ladder.industry'), dataIndex: 'industry', render: tier },
        ]} />
      </Card>
      <Card size="small" title={t('ladder.runs')}>
        <Table size="small" rowKey="runId" pagination={{ pageSize: 5 }} dataSource={q.data.runs} columns={[
          { title: t('cul.runs.asOf'), dataIndex: 'asOf', width: 120 },
          { title: t('cul.col.outcome'), render: (_: unknown, r: Ladder['runs'][number]) => r.results.map((x) => (
            <Tag key={x.rule} color={OUTCOME_COLOR[x.outcome]}>{t(`tier.${x.rule}` as MessageKey)} {x.version}</Tag>
          )) },
        ]} />
      </Card>
    </Flex>
  );
}

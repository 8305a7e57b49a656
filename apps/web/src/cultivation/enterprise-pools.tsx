import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { PageError } from '../states/page-states.tsx';
import { useMemberships, type PoolMember } from './cultivation-api.ts';
import { PoolDialog, type PoolDialogState } from './pool-dialogs.tsx';

/** For bureau staff on an enterprise's page: the pools it is in (or was removed from, with why), and the actions. */
export function EnterprisePools({ enterprise }: { enterprise: { id: string; name: string } }) {
  const { t } = useLanguage();
  const pools = useMemberships(enterprise.id, true);
  const [dialog, setDialog] = useState<PoolDialogState | null>(null);
  return (
    <Card size="small" title={t('pool.card')} data-testid="enterprise-pools"
      extra={<Button size="small" type="primary" onClick={() => setDialog({ kind: 'add', enterprise })} data-testid="enterprise-pool-add">{t('pool.add')}</Button>}>
      {pools.isError ? <PageError error={pools.error} onRetry={() => void pools.refetch()} /> : (
        <Table<PoolMember> size="small" rowKey="tier" pagination={false} loading={pools.isPending} dataSource={pools.data?.items}
          locale={{ emptyText: t('pool.none') }} columns={[
            { title: t('cul.tier'), dataIndex: 'tier', render: (x: string) => t(`tier.${x}` as MessageKey) },
            { title: '', dataIndex: 'status', width: 200, render: (s: PoolMember['status'], m) => (
              <Flex vertical gap={2}>
                <span><Tag color={s === 'active' ? 'green' : 'default'}>{t(`pool.status.${s}`)}</Tag>{t(`pool.source.${m.source}` as MessageKey)}</span>
                {m.removedReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pool.removedBecause', { reason: m.removedReason })}</Typography.Text>}
              </Flex>
            ) },
            { title: t('cul.col.mentor'), dataIndex: 'mentor', width: 110, render: (m: string | null) => m ?? '—' },
            { title: '', width: 170, render: (_: unknown, m) => (m.status === 'active' ? (
              <Flex gap={4}>
                <Button size="small" onClick={() => setDialog({ kind: 'mentor', tier: m.tier, enterprise })}>{t('cul.assignMentor')}</Button>
                <Button size="small" danger onClick={() => setDialog({ kind: 'remove', tier: m.tier, enterprise })}>{t('cul.remove')}</Button>
              </Flex>
            ) : null) },
          ]} />
      )}
      <PoolDialog state={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}

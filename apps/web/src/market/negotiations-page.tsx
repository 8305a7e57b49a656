import { Alert, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError } from '../states/page-states.tsx';
import { useMyNegotiations, useNegotiationAction, type NegotiationSummary } from './deals/deals-api.ts';
import { formatMoney } from './deals/money.ts';
import { DeclineNegotiationButton } from './decline-negotiation-button.tsx';

const FILTERS = ['all', 'seller', 'buyer'] as const;

/** 我的议价: offers on our listings (as seller) and our offers (as buyer), whose turn it is, and acting on them. */
export function NegotiationsPage() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('negs.title'));
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const list = useMyNegotiations(filter === 'all' ? undefined : filter);
  const [error, setError] = useState<string | null>(null);
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('negs.title')}</Typography.Title>
      <Segmented style={{ marginBottom: 12 }} value={filter} onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
        options={FILTERS.map((f) => ({ value: f, label: t(`negs.filter.${f}`) }))} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="negotiations-error" />}
      <Table<NegotiationSummary> rowKey="id" size="middle" data-testid="negotiations-table" loading={list.isPending} dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('negs.empty') }} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('negs.subject'), dataIndex: 'title', render: (v: string, n) => <Link to={`/market/listings/${n.listingId}`}>{v}</Link> },
          { title: t('negs.counterparty'), dataIndex: 'counterpartyName' },
          { title: t('negs.mySide'), dataIndex: 'mySide', render: (v: 'buyer' | 'seller') => t(`negs.side.${v}`) },
          {
            title: t('negs.latest'), render: (_, n) => t('negs.latestBy', {
              who: t(n.latestOffer.side === n.mySide ? 'negs.by.me' : 'negs.by.them'), amount: formatMoney(n.latestOffer.amountFen, lang),
            }),
          },
          { title: t('negs.offers'), dataIndex: 'offerCount' },
          { title: t('negs.turn'), render: (_, n) => <TurnTag n={n} /> },
          { title: '', key: 'act', render: (_, n) => <Act n={n} onError={(e) => setError(errorMessage(e, lang, t))} onDone={() => setError(null)} /> },
        ]} />
    </>
  );
}

function TurnTag({ n }: { n: NegotiationSummary }) {
  const { lang, t } = useLanguage();
  if (n.status === 'agreed') return <Tag color="green">{t('negs.status.agreed')} · {formatMoney(n.agreedFen, lang)}</Tag>;
  if (n.declined) {
    return (
      <Space direction="vertical" size={0} data-testid={`declined-${n.id}`}>
        <Tag color="red">{t(n.declined.side === n.mySide ? 'negs.declinedBy.me' : 'negs.declinedBy.them')}</Tag>
        <Typography.Text type="secondary">{n.declined.reason ? t('negs.declinedReason', { reason: n.declined.reason }) : t('negs.noReason')}</Typography.Text>
      </Space>
    );
  }
  if (n.turn === null) return <Tag>{t('negs.status.declined')}</Tag>;
  return <Tag color={n.turn === 'mine' ? 'orange' : 'default'} data-testid={`turn-${n.id}`}>{t(n.turn === 'mine' ? 'negs.turn.mine' : 'negs.turn.theirs')}</Tag>;
}

/**
 * When the other side spoke last: accept their price here, or open the negotiation to counter. Declining is
 * offered on every open negotiation, whoever spoke last.
 */
function Act({ n, onError, onDone }: { n: NegotiationSummary; onError: (e: unknown) => void; onDone: () => void }) {
  const { lang, t } = useLanguage();
  const action = useNegotiationAction(n.id);
  const decline = n.status === 'open' && <DeclineNegotiationButton id={n.id} size="small" onError={onError} onDone={onDone} />;
  if (n.turn !== 'mine') return <Space><Link to={`/market/negotiations/${n.id}`}>{t('negs.view')}</Link>{decline}</Space>;
  return (
    <Space>
      {decline}
      <Popconfirm title={t('negotiation.accept', { price: formatMoney(n.latestOffer.amountFen, lang) })} onConfirm={() => action.mutate({ action: 'accept' }, { onError, onSuccess: onDone })}>
        <Button size="small" type="primary" disabled={action.isPending} data-testid={`accept-${n.id}`}>{t('negotiation.accept', { price: formatMoney(n.latestOffer.amountFen, lang) })}</Button>
      </Popconfirm>
      <Link to={`/market/negotiations/${n.id}`}>{t('negs.open')}</Link>
    </Space>
  );
}

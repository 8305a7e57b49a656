import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError } from '../states/page-states.tsx';
import { ImportListingsCard } from './import-listings-card.tsx';
import { useConversion, useReviewQueue, type Listing } from './market-api.ts';

/** The bureau's queue of submissions (open one to publish or send back) and match-to-deal conversion. */
export function ReviewPage() {
  const { t } = useLanguage();
  useDocumentTitle(t('review.title'));
  const queue = useReviewQueue();
  const conversion = useConversion();
  if (queue.isError) return <PageError error={queue.error} />;
  const c = conversion.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('review.title')}</Typography.Title>
      {c && (
        <Card size="small" title={t('review.conversion')} style={{ marginBottom: 16 }} data-testid="match-conversion">
          {t('review.conversion.text', { judged: String(c.suggestedPairsJudged), accepted: String(c.accepted), rejected: String(c.rejected), withDeal: String(c.acceptedWithDeal) })}
        </Card>
      )}
      <Table<Listing> rowKey="id" loading={queue.isLoading} dataSource={queue.data?.items ?? []} data-testid="review-queue" locale={{ emptyText: t('review.empty') }}
        columns={[
          { title: t('mine.form.title'), render: (_: unknown, l) => <Link to={`/market/listings/${l.id}`}>{l.title}</Link> },
          { title: t('mine.form.kind'), render: (_: unknown, l) => t(`market.kind.${l.kind}` as MessageKey) },
          { title: t('listing.owner'), dataIndex: 'ownerName' },
          { title: t('listing.field'), dataIndex: 'field' },
        ]} />
      <ImportListingsCard bureau />
    </>
  );
}

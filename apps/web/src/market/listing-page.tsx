import { Alert, Button, Card, Descriptions, Input, List, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { AttachmentsCard } from './attachments-card.tsx';
import { DealActions } from './deal-actions.tsx';
import { ListingEditButton } from './listing-edit-button.tsx';
import { formatMoney } from './deals/money.ts';
import { useLink, useListing, useMatches, useMatchFeedback, useSimilar, useTransition, type Listing, type MatchItem } from './market-api.ts';

const STATUS_COLOUR: Record<string, string> = { draft: 'default', submitted: 'gold', published: 'green', closed: 'red' };
const REASONS = ['too_early', 'price', 'field_mismatch', 'region', 'already_known', 'other'] as const;

export function ListingPage() {
  const { id = '' } = useParams();
  const { lang, t } = useLanguage();
  const listing = useListing(id);
  useDocumentTitle(listing.data?.title ?? t('market.title'));
  if (listing.isLoading) return <PageLoading />;
  if (listing.isError || !listing.data) return <PageError error={listing.error} />;
  const l = listing.data;
  const insider = l.history !== undefined;
  const money = (fen: string | null) => (fen === null ? t('market.price.negotiable') : formatMoney(fen, lang));
  return (
    <>
      <Link to="/market">← {t('listing.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }} data-testid="listing-title">{l.title}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Tag color={l.kind === 'achievement' ? 'blue' : 'orange'}>{t(`market.kind.${l.kind}` as MessageKey)}</Tag>
        <Tag color={STATUS_COLOUR[l.status]} data-testid="listing-status">{t(`listing.status.${l.status}` as MessageKey)}</Tag>
        <ListingEditButton listing={l} />
      </Space>
      <Typography.Paragraph>{l.summary}</Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('listing.owner')}>{l.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('listing.field')}>{l.field}</Descriptions.Item>
        <Descriptions.Item label={t('listing.keywords')}>{l.keywords.join('、') || '—'}</Descriptions.Item>
        {l.kind === 'achievement' && <Descriptions.Item label={t('listing.trl')}>{l.trl ?? '—'}</Descriptions.Item>}
        {l.kind === 'achievement' && <Descriptions.Item label={t('listing.price')}>{money(l.priceFen)}</Descriptions.Item>}
        {l.kind === 'achievement' && <Descriptions.Item label={t('listing.modes')}>{l.transferModes.map((m) => t(`listing.mode.${m}` as MessageKey)).join('、') || '—'}</Descriptions.Item>}
        {l.kind === 'achievement' && <Descriptions.Item label={t('listing.patents')}>{l.patents.map((p) => t('listing.patentWithStatus', { number: p.number, status: t(`listing.patentStatus.${p.status}` as MessageKey) })).join('、') || '—'}</Descriptions.Item>}
        {l.kind === 'demand' && <Descriptions.Item label={t('listing.budget')}>{money(l.budgetMaxFen)}</Descriptions.Item>}
        {l.kind === 'demand' && <Descriptions.Item label={t('listing.deadline')}>{l.deadline ?? '—'}</Descriptions.Item>}
      </Descriptions>
      <AttachmentsCard listing={l} />
      <DealActions listing={l} />
      {insider && <Workflow listing={l} />}
      {insider && l.status === 'draft' && <SimilarItems listing={l} />}
      {insider && l.status === 'published' && <Matches listing={l} />}
    </>
  );
}

function Workflow({ listing }: { listing: Listing }) {
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  const transition = useTransition();
  const [asking, setAsking] = useState<'reject' | 'close' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const bureau = me.role === 'bureau_admin' || me.role === 'bureau_staff';
  const run = (action: 'submit' | 'publish' | 'reject' | 'withdraw' | 'close', why?: string) =>
    transition.mutate({ id: listing.id, action, reason: why }, { onError: (e) => setError(errorMessage(e, lang, t)), onSuccess: () => { setError(null); setAsking(null); setReason(''); } });
  return (
    <Card size="small" title={t('listing.history')} style={{ marginTop: 16 }}>
      {listing.statusReason && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`${t('listing.reason')}: ${listing.statusReason}`} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={error} data-testid="listing-error" />}
      <Timeline items={(listing.history ?? []).map((h) => ({ children: `${t(`listing.status.${h.toStatus}` as MessageKey)} · ${new Date(h.at).toLocaleString()}${h.reason ? ` · ${h.reason}` : ''}` }))} />
      <Space wrap>
        {!bureau && listing.status === 'draft' && <Button type="primary" onClick={() => run('submit')}>{t('listing.submit')}</Button>}
        {!bureau && listing.status === 'submitted' && <Button onClick={() => run('withdraw')}>{t('listing.withdraw')}</Button>}
        {bureau && listing.status === 'submitted' && <Button type="primary" onClick={() => run('publish')}>{t('listing.publish')}</Button>}
        {bureau && listing.status === 'submitted' && <Button danger onClick={() => setAsking('reject')}>{t('listing.reject')}</Button>}
        {listing.status !== 'closed' && <Button danger onClick={() => setAsking('close')}>{t('listing.close')}</Button>}
      </Space>
      <Modal open={asking !== null} title={t('listing.reason')} onCancel={() => setAsking(null)} onOk={() => asking && run(asking, reason)} okButtonProps={{ disabled: reason.trim() === '' }}>
        <Input.TextArea aria-label={t('listing.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </Card>
  );
}

function SimilarItems({ listing }: { listing: Listing }) {
  const { lang, t } = useLanguage();
  const similar = useSimilar(listing.id, true);
  const link = useLink();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card size="small" title={t('listing.similar')} style={{ marginTop: 16 }} data-testid="similar-items">
      {error && <Alert type="error" showIcon message={error} />}
      <List size="small" loading={similar.isLoading} dataSource={similar.data?.items ?? []} locale={{ emptyText: t('listing.similar.none') }}
        renderItem={(item) => (
          <List.Item actions={[<Button key="link" size="small" onClick={() => link.mutate({ id: listing.id, linkedListingId: item.id }, { onError: (e) => setError(errorMessage(e, lang, t)) })}>{t('listing.link')}</Button>]}>
            <Link to={`/market/listings/${item.id}`}>{item.title}</Link>
          </List.Item>
        )} />
    </Card>
  );
}

function Matches({ listing }: { listing: Listing }) {
  const { t } = useLanguage();
  const matches = useMatches(listing.id, true);
  return (
    <>
      <Card size="small" title={t('match.title')} style={{ marginTop: 16 }} data-testid="matches">
        <List loading={matches.isLoading} dataSource={matches.data?.items ?? []} locale={{ emptyText: t('match.none') }}
          renderItem={(m) => <MatchRow listing={listing} match={m} />} />
      </Card>
      {matches.data?.enterprises && (
        <Card size="small" title={t('match.enterprises')} style={{ marginTop: 16 }}>
          <List size="small" dataSource={matches.data.enterprises} renderItem={(m) => <MatchRow listing={listing} match={m} />} />
        </Card>
      )}
    </>
  );
}

function MatchRow({ listing, match }: { listing: Listing; match: MatchItem }) {
  const { lang, t } = useLanguage();
  const feedback = useMatchFeedback();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number]>('field_mismatch');
  const [error, setError] = useState<string | null>(null);
  const e = match.explanation;
  const send = (decision: 'accept' | 'reject') => match.listingId && feedback.mutate(
    { id: listing.id, counterpartId: match.listingId, decision, reason: decision === 'reject' ? reason : undefined },
    { onError: (err) => setError(errorMessage(err, lang, t)), onSuccess: () => setRejecting(false) },
  );
  return (
    <List.Item data-testid="match-item"
      actions={match.listingId ? [
        match.decision === 'accept' ? <Tag key="a" color="green">{t('match.accepted')}</Tag> : <Button key="a" size="small" onClick={() => send('accept')}>{t('match.accept')}</Button>,
        <Button key="r" size="small" danger onClick={() => setRejecting(true)}>{t('match.reject')}</Button>,
      ] : []}>
      <Space direction="vertical" size={2}>
        {match.listingId ? <Link to={`/market/listings/${match.listingId}`}>{match.title}</Link> : <Typography.Text strong>{match.title}</Typography.Text>}
        <Space size={4} wrap data-testid="match-explanation">
          <Tag color="purple">{t('match.score', { score: `${Math.round(match.score * 100)}%` })}</Tag>
          {e.sharedTerms.length > 0 && <Tag>{t('match.shared')}: {e.sharedTerms.join('、')}</Tag>}
          <Tag>{e.sameField ? t('match.sameField') : t('match.otherField')}</Tag>
          <Tag>{t(`match.trl.${e.trlFit}` as MessageKey)}</Tag>
          <Tag>{t(`match.price.${e.priceFit}` as MessageKey)}</Tag>
          {e.sameDistrict && <Tag>{t('match.sameDistrict')}</Tag>}
        </Space>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {rejecting && (
          <Space>
            <Select size="small" value={reason} style={{ width: 160 }} onChange={setReason} options={REASONS.map((r) => ({ value: r, label: t(`match.reason.${r}` as MessageKey) }))} />
            <Button size="small" danger onClick={() => send('reject')}>{t('match.reject')}</Button>
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

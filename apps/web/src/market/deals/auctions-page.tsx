import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Input, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/error-message.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { PageError, PageLoading } from '../../states/page-states.tsx';
import { formatRemaining, remaining } from './countdown.ts';
import { useBidLog, useLot, useLots, usePlaceBid, useRegisterBidder, type Lot } from './deals-api.ts';
import { fenToYuan, formatMoney, yuanToFen } from './money.ts';

/** 竞价交易: the list of lots, and each lot's live page. */
export function AuctionsPage() {
  return (
    <Routes>
      <Route index element={<LotList />} />
      <Route path=":id" element={<LotPage />} />
    </Routes>
  );
}

const PHASE_COLOUR: Record<string, string> = { scheduled: 'default', open: 'green', closed: 'red', cancelled: 'default' };

function LotList() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('auction.title'));
  const lots = useLots();
  const heading = <Typography.Title level={1} style={{ fontSize: 24 }}>{t('auction.title')}</Typography.Title>;
  if (lots.isPending) return <>{heading}<PageLoading /></>;
  if (lots.isError) return <>{heading}<PageError error={lots.error} onRetry={() => void lots.refetch()} /></>;
  return (
    <>
      {heading}
      <List
        data-testid="auction-list"
        locale={{ emptyText: <Empty description={t('auction.empty')} /> }}
        dataSource={lots.data.items}
        renderItem={(lot) => (
          <List.Item key={lot.id} extra={<Statistic title={t('auction.currentPrice')} value={formatMoney(lot.currentFen ?? lot.startPriceFen, lang)} />}>
            <List.Item.Meta
              title={<Link to={lot.id}>{lot.title}</Link>}
              description={<Space wrap><Tag color={PHASE_COLOUR[lot.phase]}>{t(`auction.phase.${lot.phase}` as MessageKey)}</Tag>{lot.sellerName}<span>{lot.field}</span><span>{t('auction.bids')} {lot.bidCount}</span></Space>}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function LotPage() {
  const { id = '' } = useParams();
  const { lang, t } = useLanguage();
  const lot = useLot(id);
  useDocumentTitle(lot.data?.lot.title ?? t('auction.title'));
  useLiveLot(id);
  if (lot.isPending) return <PageLoading />;
  if (lot.isError) return <PageError error={lot.error} onRetry={() => void lot.refetch()} />;
  const { lot: l, receivedAt } = lot.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to="..">{t('auction.back')}</Link>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0 0' }}>{l.title}</Typography.Title>
        <Space wrap>
          <Tag color={PHASE_COLOUR[l.phase]} data-testid="auction-phase">{t(`auction.phase.${l.phase}` as MessageKey)}</Tag>
          <span>{t('auction.seller')}：{l.sellerName}</span><span>{t('auction.field')}：{l.field}</span>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('auction.currentPrice')} value={l.currentFen ? fenToYuan(l.currentFen) : t('auction.noBids')} prefix={l.currentFen ? '¥' : undefined}
              valueRender={(node) => <span data-testid="current-price" data-fen={l.currentFen ?? ''}>{node}</span>} />
            <Typography.Text type="secondary">{l.reserveMet ? t('auction.reserveMet') : t('auction.reserveNotMet')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}><Card><Countdown lot={l} receivedAt={receivedAt} /></Card></Col>
        <Col xs={24} md={8}><Card><Statistic title={t('auction.bids')} value={l.bidCount} suffix={`· ${t('auction.bidders')} ${l.bidderCount}`} /></Card></Col>
      </Row>
      <Outcome lot={l} />
      {l.phase === 'open' && <BidPanel lot={l} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'start', label: t('auction.startPrice'), children: formatMoney(l.startPriceFen, lang) },
        { key: 'inc', label: t('auction.increment'), children: formatMoney(l.incrementFen, lang) },
        { key: 'dep', label: t('auction.deposit'), children: formatMoney(l.depositFen, lang) },
        { key: 'res', label: t('auction.reserve'), children: l.reserveFen ? formatMoney(l.reserveFen, lang) : '—' },
        { key: 'end', label: t('auction.endsAt'), children: new Date(l.endsAt).toLocaleString(lang) },
        { key: 'ext', label: '', children: t('auction.extension', { window: l.extensionWindowSeconds, ext: l.extensionSeconds }) },
      ]} />
      <BidLogCard id={l.id} bidCount={l.bidCount} />
    </Flex>
  );
}

/** Server-sent events: every accepted bid and the settlement refresh the lot and its log at once. */
function useLiveLot(id: string) {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource(`/api/v1/market/auctions/${id}/events`);
    const refresh = () => void client.invalidateQueries({ queryKey: ['auction', id] });
    source.addEventListener('bid', refresh);
    source.addEventListener('settled', refresh);
    return () => source.close();
  }, [id, client]);
}

function Countdown({ lot, receivedAt }: { lot: Lot; receivedAt: number }) {
  const { lang, t } = useLanguage();
  const client = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = remaining(lot.endsAt, lot.serverNow, receivedAt, now);
  const over = left.ms === 0 && lot.status === 'active';
  // At zero the server settles the lot within a second or so; ask again until it has.
  useEffect(() => {
    if (!over) return;
    const timer = setInterval(() => void client.invalidateQueries({ queryKey: ['auction', lot.id] }), 1500);
    return () => clearInterval(timer);
  }, [over, client, lot.id]);
  return <Statistic title={t('auction.countdown')} value={formatRemaining(left, lang)} valueRender={(node) => <span data-testid="countdown">{node}</span>} />;
}

function Outcome({ lot }: { lot: Lot }) {
  const { lang, t } = useLanguage();
  if (lot.status !== 'settled' || !lot.outcome) return null;
  const text = lot.outcome === 'sold'
    ? t('auction.outcome.sold', { no: lot.winnerBidderNo ?? '', amount: formatMoney(lot.currentFen, lang) })
    : t(`auction.outcome.${lot.outcome}` as MessageKey);
  return (
    <Alert type={lot.iWon ? 'success' : 'info'} showIcon data-testid="auction-outcome"
      title={lot.iWon ? t('auction.won') : text}
      description={
        <Space direction="vertical">
          {lot.iWon && <span>{text}</span>}
          {lot.myDepositStatus && <span data-testid="deposit-status">{t(`auction.depositStatus.${lot.myDepositStatus}` as MessageKey)}</span>}
          {lot.contractId && <Link to={`/contracts?focus=${lot.contractId}`} data-testid="open-contract">{t('auction.openContract')}</Link>}
        </Space>
      } />
  );
}

function BidPanel({ lot }: { lot: Lot }) {
  const { lang, t } = useLanguage();
  const register = useRegisterBidder(lot.id);
  const bid = usePlaceBid(lot.id);
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  if (lot.isSeller) return <Alert type="info" title={t('auction.yourLot')} />;
  if (lot.myBidderNo === null) {
    return (
      <Card title={t('auction.register')}>
        <Flex vertical gap={8}>
          <Typography.Text>{t('auction.depositHint', { amount: formatMoney(lot.depositFen, lang) })}</Typography.Text>
          <Space.Compact style={{ maxWidth: 480 }}>
            <Input aria-label={t('auction.depositReference')} placeholder={t('auction.depositReference')} value={reference} onChange={(e) => setReference(e.target.value)} />
            <Button type="primary" disabled={register.isPending || reference.trim().length < 2}
              onClick={() => register.mutate(reference.trim(), { onError: (e) => setError(errorMessage(e, lang, t)), onSuccess: () => setError(null) })}>
              {t('auction.register')}
            </Button>
          </Space.Compact>
          {error && <Alert type="error" title={error} role="alert" data-testid="bid-error" />}
        </Flex>
      </Card>
    );
  }
  const submit = () => {
    const fen = yuanToFen(amount || fenToYuan(lot.minimumNextBidFen));
    if (!fen) return setError(t('auction.amountInvalid'));
    bid.mutate(fen, {
      onSuccess: (bidAccepted) => { setError(null); setAmount(''); setAccepted(t('auction.bidAccepted', { amount: fenToYuan(bidAccepted.amountFen) })); },
      onError: (e) => setError(errorMessage(e, lang, t)),
    });
  };
  return (
    <Card title={<Space>{t('auction.placeBid')}<Tag color="blue" data-testid="my-bidder-no">{t('auction.registered', { no: lot.myBidderNo })}</Tag></Space>}>
      <Flex vertical gap={8}>
        <Space.Compact style={{ maxWidth: 480 }}>
          <Input aria-label={t('auction.amount')} placeholder={fenToYuan(lot.minimumNextBidFen)} value={amount} onChange={(e) => setAmount(e.target.value)} onPressEnter={submit} />
          <Button type="primary" onClick={submit} disabled={bid.isPending}>{t('auction.placeBid')}</Button>
        </Space.Compact>
        <Typography.Text type="secondary" data-testid="minimum-next">{t('auction.minimumNext', { amount: fenToYuan(lot.minimumNextBidFen) })}</Typography.Text>
        {error && <Alert type="error" title={error} role="alert" data-testid="bid-error" />}
        {accepted && !error && <Alert type="success" title={accepted} data-testid="bid-accepted" />}
      </Flex>
    </Card>
  );
}

function BidLogCard({ id, bidCount }: { id: string; bidCount: number }) {
  const { lang, t } = useLanguage();
  const log = useBidLog(id);
  const client = useQueryClient();
  useEffect(() => void client.invalidateQueries({ queryKey: ['auction', id, 'log'] }), [bidCount, client, id]);
  const v = log.data?.verification;
  return (
    <Card title={t('auction.log')}>
      {log.data?.settled && v && (
        <Alert style={{ marginBottom: 12 }} type={v.ok ? 'success' : 'error'} data-testid="chain-verification"
          title={v.ok ? t('auction.verified', { count: v.count ?? 0, head: (log.data.headHash ?? '').slice(0, 16) }) : t('auction.verifyFailed', { seq: v.atSeq ?? 0 })} />
      )}
      <Table size="small" rowKey="seq" data-testid="bid-log" loading={log.isPending} pagination={{ pageSize: 10 }}
        dataSource={[...(log.data?.bids ?? [])].reverse()}
        columns={[
          { title: t('auction.col.seq'), dataIndex: 'seq', width: 70 },
          { title: t('auction.col.bidder'), dataIndex: 'bidderNo', width: 90 },
          { title: t('auction.col.amount'), dataIndex: 'amountFen', render: (v: string) => fenToYuan(v) },
          { title: t('auction.col.time'), dataIndex: 'placedAt', render: (v: string) => new Date(v).toLocaleTimeString(lang, { hour12: false }) + '.' + v.slice(20, 23) },
          { title: t('auction.col.hash'), dataIndex: 'hash', render: (v: string) => <Typography.Text code>{v.slice(0, 12)}</Typography.Text> },
        ]} />
      {log.isError && <PageError error={log.error} />}
    </Card>
  );
}

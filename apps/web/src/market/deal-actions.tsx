import { Alert, Button, Card, Col, Form, Input, Popconfirm, Row, Space } from 'antd';
import { useContext, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { CurrentUserContext } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useBuy, useCreateAuction, useStartNegotiation } from './deals/deals-api.ts';
import { formatMoney, yuanToFen } from './deals/money.ts';
import { auctionBody, dealActionsFor, type AuctionForm } from './deal-actions-model.ts';
import type { Listing } from './market-api.ts';

/** Buy / make an offer for another organisation's published achievement; put one's own up for auction. */
export function DealActions({ listing }: { listing: Listing }) {
  const { t } = useLanguage();
  const me = useContext(CurrentUserContext);
  const actions = dealActionsFor(me, listing);
  if (!actions.buy && !actions.offer && !actions.auction) return null;
  return (
    <Card size="small" title={t('deal.title')} style={{ marginTop: 16 }} data-testid="deal-actions">
      {(actions.buy || actions.offer) && <BuyOrOffer listing={listing} canBuy={actions.buy} />}
      {actions.auction && <AuctionCreate listing={listing} />}
    </Card>
  );
}

function BuyOrOffer({ listing, canBuy }: { listing: Listing; canBuy: boolean }) {
  const { lang, t } = useLanguage();
  const buy = useBuy();
  const negotiate = useStartNegotiation();
  const [offering, setOffering] = useState(false);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; link: { to: string; label: MessageKey } } | null>(null);
  const ref = { listingRegionCode: listing.regionCode, listingId: listing.id };
  const onError = (e: unknown) => { setDone(null); setError(errorMessage(e, lang, t)); };
  const sendOffer = () => {
    const amountFen = yuanToFen(amount);
    if (!amountFen) { setError(t('deal.badAmount')); return; }
    negotiate.mutate({ ...ref, amountFen, ...(note.trim() ? { message: note.trim() } : {}) }, {
      onError,
      onSuccess: (n) => { setError(null); setOffering(false); setDone({ text: t('deal.offer.done'), link: { to: `/market/negotiations/${n.id}`, label: 'negotiation.view' } }); },
    });
  };
  return (
    <>
      <Space wrap>
        {canBuy && listing.priceFen !== null && (
          <Popconfirm title={t('deal.buy')} description={t('deal.buy.confirm', { price: formatMoney(listing.priceFen, lang) })}
            onConfirm={() => buy.mutate(ref, { onError, onSuccess: (r) => { setError(null); setDone({ text: t('deal.buy.done', { price: formatMoney(r.priceFen, lang) }), link: { to: '/contracts', label: 'deal.contracts' } }); } })}>
            <Button type="primary" data-testid="deal-buy" disabled={buy.isPending}>{t('deal.buy')}</Button>
          </Popconfirm>
        )}
        <Button data-testid="deal-offer" onClick={() => setOffering((v) => !v)}>{t('deal.offer')}</Button>
      </Space>
      {offering && (
        <Form layout="vertical" style={{ marginTop: 12, maxWidth: 480 }} onFinish={sendOffer}>
          <Form.Item label={t('deal.offer.amount')} htmlFor="deal-offer-amount" required>
            <Input id="deal-offer-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('deal.offer.message')} htmlFor="deal-offer-message">
            <Input.TextArea id="deal-offer-message" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={negotiate.isPending}>{t('deal.offer.send')}</Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="deal-error" />}
      {done && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="deal-done" message={done.text}
          action={<Link to={done.link.to} data-testid="deal-done-link">{t(done.link.label)}</Link>} />
      )}
    </>
  );
}

const EMPTY_AUCTION: AuctionForm = { startsAt: '', endsAt: '', startPrice: '', reserve: '', increment: '', deposit: '' };
const AUCTION_FIELDS = [
  ['startsAt', 'auctionForm.startsAt', 'datetime-local'], ['endsAt', 'auctionForm.endsAt', 'datetime-local'],
  ['startPrice', 'auctionForm.startPrice', 'text'], ['reserve', 'auctionForm.reserve', 'text'],
  ['increment', 'auctionForm.increment', 'text'], ['deposit', 'auctionForm.deposit', 'text'],
] as const;

function AuctionCreate({ listing }: { listing: Listing }) {
  const { lang, t } = useLanguage();
  const create = useCreateAuction();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<AuctionForm>(EMPTY_AUCTION);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = () => {
    const out = auctionBody(listing, form);
    if ('error' in out) { setError(t(out.error)); return; }
    create.mutate(out.body, {
      onError: (e) => { setDone(false); setError(errorMessage(e, lang, t)); },
      onSuccess: () => { setError(null); setDone(true); setOpen(false); setForm(EMPTY_AUCTION); },
    });
  };
  return (
    <>
      <Button type="primary" data-testid="auction-create" onClick={() => setOpen((v) => !v)}>{t('auctionForm.create')}</Button>
      {open && (
        <Form layout="vertical" style={{ marginTop: 12 }} onFinish={submit} data-testid="auction-form">
          <Row gutter={12}>
            {AUCTION_FIELDS.map(([key, label, type]) => (
              <Col key={key} xs={24} md={12}>
                <Form.Item label={t(label)} htmlFor={`auction-${key}`} required>
                  <Input id={`auction-${key}`} type={type} inputMode={type === 'text' ? 'decimal' : undefined} value={form[key]}
                    onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" disabled={create.isPending}>{t('auctionForm.submit')}</Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="deal-error" />}
      {done && <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="deal-done" message={t('auctionForm.done')} action={<Link to="/auctions">{t('auctionForm.open')}</Link>} />}
    </>
  );
}

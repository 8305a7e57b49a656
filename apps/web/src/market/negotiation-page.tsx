import { Alert, Button, Card, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { useNegotiation, useNegotiationAction } from './deals/deals-api.ts';
import { formatMoney, yuanToFen } from './deals/money.ts';
import { declinedText, DeclineNegotiationButton } from './decline-negotiation-button.tsx';

/** One negotiation: the offers so far, a counter-offer, accepting the other side's latest offer, or declining. */
export function NegotiationPage() {
  const { id = '' } = useParams();
  const { lang, t } = useLanguage();
  const negotiation = useNegotiation(id);
  const action = useNegotiationAction(id);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  useDocumentTitle(negotiation.data?.title ?? t('deal.offer'));
  if (negotiation.isLoading) return <PageLoading />;
  if (negotiation.isError || !negotiation.data) return <PageError error={negotiation.error} />;
  const n = negotiation.data;
  const last = n.offers.at(-1);
  const open = n.status === 'open';
  const onError = (e: unknown) => setError(errorMessage(e, lang, t));
  const counter = () => {
    const amountFen = yuanToFen(amount);
    if (!amountFen) { setError(t('deal.badAmount')); return; }
    action.mutate({ action: 'offer', amountFen, ...(note.trim() ? { message: note.trim() } : {}) }, { onError, onSuccess: () => { setError(null); setAmount(''); setNote(''); } });
  };
  return (
    <>
      <Link to="/negotiations">← {t('negs.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{n.title}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Tag data-testid="negotiation-status" color={open ? 'gold' : 'green'}>{t(open ? 'negotiation.open' : 'negotiation.closed')}</Tag>
        {n.agreedFen !== null && <Tag color="green">{t('negotiation.agreed', { price: formatMoney(n.agreedFen, lang) })}</Tag>}
        {n.declined && <Tag color="red" data-testid="negotiation-declined">{declinedText(n.declined, n.mySide, t)}</Tag>}
        {open && <DeclineNegotiationButton id={n.id} onError={onError} onDone={() => setError(null)} />}
      </Space>
      {n.declined && <div style={{ marginBottom: 12 }}><Link to={`/market/listings/${n.listingId}`}>{t('negs.toListing')}</Link></div>}
      <Card size="small" title={t('negotiation.offers')}>
        <Timeline items={n.offers.map((o) => ({
          color: o.side === n.mySide ? 'blue' : 'orange',
          children: `${t(o.side === n.mySide ? 'negotiation.me' : 'negotiation.them')} · ${formatMoney(o.amountFen, lang)} · ${new Date(o.at).toLocaleString()}${o.message ? ` · ${o.message}` : ''}`,
        }))} />
        {open && last && last.side !== n.mySide && (
          <Button type="primary" data-testid="negotiation-accept" disabled={action.isPending}
            onClick={() => action.mutate({ action: 'accept' }, { onError, onSuccess: () => { setError(null); setAgreed(true); } })}>
            {t('negotiation.accept', { price: formatMoney(last.amountFen, lang) })}
          </Button>
        )}
        {open && (
          <Form layout="vertical" style={{ marginTop: 12, maxWidth: 480 }} onFinish={counter}>
            <Form.Item label={t('deal.offer.amount')} htmlFor="negotiation-amount" required>
              <Input id="negotiation-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </Form.Item>
            <Form.Item label={t('deal.offer.message')} htmlFor="negotiation-message">
              <Input.TextArea id="negotiation-message" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </Form.Item>
            <Button htmlType="submit" disabled={action.isPending}>{t('negotiation.counter')}</Button>
          </Form>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="deal-error" />}
        {agreed && <Alert type="success" showIcon style={{ marginTop: 12 }} message={t('negotiation.done')} action={<Link to="/contracts">{t('deal.contracts')}</Link>} />}
      </Card>
    </>
  );
}

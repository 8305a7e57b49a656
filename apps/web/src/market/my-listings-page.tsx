import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError } from '../states/page-states.tsx';
import { optionalYuanToFen } from './amount.ts';
import { formatMoney } from './deals/money.ts';
import { ImportListingsCard } from './import-listings-card.tsx';
import { LISTING_FIELDS } from './listing-edit-model.ts';
import { useCreateListing, useMyListings, type Listing } from './market-api.ts';

const STATUS_COLOUR: Record<string, string> = { draft: 'default', submitted: 'gold', published: 'green', closed: 'red' };

/** 我的成果 / 我的需求: the organisation's listings in every status, and a form for a new draft. */
export function MyListingsPage() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('mine.title'));
  const mine = useMyListings();
  const [creating, setCreating] = useState<'achievement' | 'demand' | null>(null);
  const [tab, setTab] = useState<'achievement' | 'demand'>('achievement');
  if (mine.isError) return <PageError error={mine.error} />;
  const rows = (mine.data?.items ?? []).filter((l) => l.kind === tab);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('mine.title')}</Typography.Title>
        <Button type="primary" data-testid="new-listing" onClick={() => setCreating(tab)}>{t('mine.new')}</Button>
      </Space>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'achievement' | 'demand')}
        items={[{ key: 'achievement', label: t('mine.achievements') }, { key: 'demand', label: t('mine.demands') }]} />
      <Table<Listing> rowKey="id" loading={mine.isLoading} dataSource={rows} data-testid="my-listings" locale={{ emptyText: t('mine.empty') }} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('mine.form.title'), dataIndex: 'title', render: (_: unknown, l) => <Link to={`/market/listings/${l.id}`}>{l.title}</Link> },
          { title: t('listing.field'), dataIndex: 'field' },
          { title: t('listing.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOUR[s]}>{t(`listing.status.${s}` as MessageKey)}</Tag> },
          { title: tab === 'achievement' ? t('listing.price') : t('listing.budget'), render: (_: unknown, l) => {
            const fen = l.kind === 'achievement' ? l.priceFen : l.budgetMaxFen;
            return fen === null ? t('market.price.negotiable') : formatMoney(fen, lang);
          } },
        ]} />
      <ImportListingsCard bureau={false} />
      {creating && <NewListing kind={creating} onClose={() => setCreating(null)} />}
    </>
  );
}

type FormValues = { title: string; summary?: string; field: string; keywords?: string; trl?: number; amount?: string; mode?: string };

function NewListing({ kind, onClose }: { kind: 'achievement' | 'demand'; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const create = useCreateListing();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const save = (v: FormValues) => {
    const amount = optionalYuanToFen(v.amount ?? '');
    if (!amount.ok) { setError(t('mine.form.badAmount')); return; }
    const body: Record<string, unknown> = {
      kind, title: v.title, summary: v.summary ?? '', field: v.field,
      keywords: (v.keywords ?? '').split(/[,，;；、]/).map((k) => k.trim()).filter((k) => k !== ''),
      ...(kind === 'achievement' ? { trl: v.trl ?? null, priceFen: amount.fen, transferModes: v.mode ? [v.mode] : [] } : { budgetMaxFen: amount.fen }),
    };
    create.mutate(body, { onError: (e) => setError(errorMessage(e, lang, t)), onSuccess: (l) => { onClose(); void navigate(`/market/listings/${l.id}`); } });
  };
  return (
    <Modal open title={`${t('mine.new')} · ${t(`market.kind.${kind}` as MessageKey)}`} onCancel={onClose} onOk={() => form.submit()} okText={t('mine.form.save')} confirmLoading={create.isPending}>
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={error} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="title" label={t('mine.form.title')} rules={[{ required: true, min: 4, max: 120 }]}><Input /></Form.Item>
        <Form.Item name="summary" label={t('mine.form.summary')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="field" label={t('mine.form.field')} rules={[{ required: true }]}>
          <Select options={LISTING_FIELDS.map((f) => ({ value: f, label: f }))} showSearch />
        </Form.Item>
        <Form.Item name="keywords" label={t('mine.form.keywords')}><Input /></Form.Item>
        {kind === 'achievement' && <Form.Item name="trl" label={t('mine.form.trl')}><InputNumber min={1} max={9} precision={0} /></Form.Item>}
        {kind === 'achievement' && (
          <Form.Item name="mode" label={t('mine.form.mode')}>
            <Select options={['transfer', 'licence', 'equity', 'co_development'].map((m) => ({ value: m, label: t(`listing.mode.${m}` as MessageKey) }))} />
          </Form.Item>
        )}
        <Form.Item name="amount" label={kind === 'achievement' ? t('mine.form.price') : t('mine.form.budget')}><Input inputMode="decimal" /></Form.Item>
      </Form>
    </Modal>
  );
}

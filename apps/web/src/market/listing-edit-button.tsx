import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useContext, useState } from 'react';
import { api, ApiError } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { CurrentUserContext } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { filledPatentRows, LISTING_FIELDS, listingFormField, listingPatch, listingValuesOf, PATENT_STATUSES, type ListingEditValues } from './listing-edit-model.ts';
import { useInvalidateMarket, type Listing } from './market-api.ts';

const MODES = ['transfer', 'licence', 'equity', 'co_development'] as const;

/** 编辑草稿: the owner edits a draft's content; the server's refusal appears on the field it names. */
export function ListingEditButton({ listing }: { listing: Listing }) {
  const { lang, t } = useLanguage();
  const me = useContext(CurrentUserContext);
  const invalidate = useInvalidateMarket();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [form] = Form.useForm<ListingEditValues>();
  if (me?.organisation?.id !== listing.ownerOrgId || listing.status !== 'draft') return null;
  const achievement = listing.kind === 'achievement';
  const save = async (v: ListingEditValues) => {
    setGeneral(null);
    const r = listingPatch(listing.kind, v);
    if (!r.ok) { form.setFields([{ name: r.field, errors: [t('mine.form.badAmount')] }]); return; }
    if (achievement) form.setFieldValue('patents', filledPatentRows(v.patents));
    setBusy(true);
    try {
      await api<Listing>('PATCH', `/market/listings/${listing.id}`, r.body);
      await invalidate();
      setOpen(false);
    } catch (e) {
      const field = e instanceof ApiError ? listingFormField(e.field) : null;
      if (field) form.setFields([{ name: field, errors: [errorMessage(e, lang, t)] }]);
      else setGeneral(errorMessage(e, lang, t));
    } finally {
      setBusy(false);
    }
  };
  const fields = LISTING_FIELDS.includes(listing.field) ? LISTING_FIELDS : [listing.field, ...LISTING_FIELDS];
  return (
    <>
      <Button onClick={() => { form.setFieldsValue(listingValuesOf(listing)); setGeneral(null); setOpen(true); }} data-testid="listing-edit">{t('ledit.button')}</Button>
      <Modal open={open} title={t('ledit.title')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('mine.form.save')} confirmLoading={busy} forceRender>
        {general && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={general} data-testid="listing-edit-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={listingValuesOf(listing)}>
          <Form.Item name="title" label={t('mine.form.title')} rules={[{ required: true, min: 4, max: 120 }]}><Input data-testid="listing-edit-title" /></Form.Item>
          <Form.Item name="summary" label={t('mine.form.summary')} extra={t('ledit.summaryHint')}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
          <Form.Item name="field" label={t('mine.form.field')} rules={[{ required: true }]}>
            <Select options={fields.map((f) => ({ value: f, label: f }))} showSearch />
          </Form.Item>
          <Form.Item name="keywords" label={t('mine.form.keywords')} extra={t('ledit.keywordsHint')}><Input /></Form.Item>
          {achievement && <Form.Item name="trl" label={t('mine.form.trl')}><InputNumber min={1} max={9} precision={0} /></Form.Item>}
          {achievement && (
            <Form.Item name="transferModes" label={t('mine.form.mode')}>
              <Select mode="multiple" options={MODES.map((m) => ({ value: m, label: t(`listing.mode.${m}` as MessageKey) }))} />
            </Form.Item>
          )}
          {achievement && (
            <Form.Item label={t('ledit.patents')} extra={t('ledit.patentsHint')}>
              <Form.List name="patents">
                {(rows, { add, remove }) => (
                  <>
                    {rows.map((row) => (
                      <Space key={row.key} align="baseline" wrap>
                        <Form.Item name={[row.name, 'number']}>
                          <Input aria-label={t('ledit.patentNumber')} placeholder="ZL201710601862.3" maxLength={60} style={{ width: 220 }} data-testid={`patent-number-${row.name}`} />
                        </Form.Item>
                        <Form.Item name={[row.name, 'status']}>
                          <Select aria-label={t('ledit.patentStatus')} style={{ width: 120 }} data-testid={`patent-status-${row.name}`}
                            options={PATENT_STATUSES.map((s) => ({ value: s, label: t(`listing.patentStatus.${s}` as MessageKey) }))} />
                        </Form.Item>
                        <Button type="link" onClick={() => remove(row.name)}>{t('ledit.removePatent')}</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ number: '', status: 'granted' })} data-testid="patent-add">{t('ledit.addPatent')}</Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          <Form.Item name="amount" label={achievement ? t('mine.form.price') : t('mine.form.budget')}><Input inputMode="decimal" data-testid="listing-edit-amount" /></Form.Item>
          {!achievement && (
            <Form.Item name="deadline" label={t('listing.deadline')}
              getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })} normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}>
              <DatePicker />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

import { Alert, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api/api-client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { editBody, formNameOf, isBlockName, valuesOf, type EditValues, type FieldProblem, type FormName } from './contract-edit-model.ts';
import { useContractFields, type Contract } from './deals-api.ts';
import { fenToYuan, yuanToFen } from './money.ts';

type Block = 'payments' | 'nonTechnicalCosts' | 'seller' | 'buyer';

/**
 * 完善合同草稿: the parties complete a draft (type, amounts, non-technical costs, payment schedule, dates) before
 * submitting it. Each field carries the field dictionary's meaning and rule as help; the browser checks what
 * it can, the server checks everything, and both kinds of error appear on the field they concern.
 */
export function ContractEditDrawer({ contract, onClose }: { contract: Contract; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const client = useQueryClient();
  const dictionary = useContractFields().data;
  const [form] = Form.useForm<EditValues>();
  const [blocks, setBlocks] = useState<Partial<Record<Block, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [marked, setMarked] = useState<FormName[]>([]);
  const [busy, setBusy] = useState(false);
  const pick = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const entry = (key: string) => dictionary?.fields.find((f) => f.key === key);
  const label = (key: string, fallback: string) => { const e = entry(key); return e ? pick(e.label) : fallback; };
  const help = (key: string) => { const e = entry(key); return e ? t('cedit.helpText', { meaning: pick(e.meaning), rule: pick(e.rule) }) : undefined; };
  const required = (key: string) => entry(key)?.required ?? false;
  const type = Form.useWatch('type', form) ?? contract.type;
  // The server's field list; a draft's field from a listing filed elsewhere stays visible, marked, until replaced.
  const listed = dictionary?.technologyFields ?? [];
  const fieldOptions = [
    ...(listed.length > 0 && !listed.some((f) => f.zh === contract.field) ? [{ value: contract.field, label: t('cedit.fieldNotListed', { field: contract.field }) }] : []),
    ...listed.map((f) => ({ value: f.zh, label: pick(f) })),
  ];
  const watched = Form.useWatch([], form);

  // Names come from the model and from server errors (payments.1.dueOn …), so they are paths, not literal keys.
  const setErrors = (fields: { name: FormName; errors: string[] }[]) => form.setFields(fields as Parameters<typeof form.setFields>[0]);
  const show = (problems: { name: FormName; text: string }[]) => {
    setErrors(marked.map((name) => ({ name, errors: [] })));
    const fieldProblems = problems.filter((p) => !isBlockName(p.name));
    setErrors(fieldProblems.map((p) => ({ name: p.name, errors: [p.text] })));
    setMarked(fieldProblems.map((p) => p.name));
    setBlocks(Object.fromEntries(problems.filter((p) => isBlockName(p.name)).map((p) => [p.name[0], p.text])));
  };
  const save = async (submit: boolean) => {
    setGeneral(null);
    const r = editBody(form.getFieldsValue(true) as EditValues);
    if (!r.ok) return show(r.problems.map((p: FieldProblem) => ({ name: p.name, text: t(p.key, p.params) })));
    show([]);
    setBusy(true);
    try {
      await api<Contract>('PUT', `/market/contracts/${contract.id}`, r.body);
      if (submit) await api<Contract>('POST', `/market/contracts/${contract.id}/submit`);
      await client.invalidateQueries({ queryKey: ['contracts'] });
      onClose();
    } catch (e) {
      const name = e instanceof ApiError ? formNameOf(e.field) : null;
      if (name) show([{ name, text: errorMessage(e, lang, t) }]);
      else setGeneral(errorMessage(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  const party = (side: 'seller' | 'buyer') => (
    <Form.Item label={label(side, t(`contract.${side}`))} tooltip={help(side)} required validateStatus={blocks[side] ? 'error' : undefined} help={blocks[side]}>
      {contract[side].orgId ? (
        <Typography.Text data-testid={`party-${side}`}>{contract[side].name}（{contract[side].uscc}）· <Typography.Text type="secondary">{t('cedit.party.platform')}</Typography.Text></Typography.Text>
      ) : (
        <Row gutter={8}>
          <Col span={12}><Form.Item name={[side, 'name']} noStyle><Input aria-label={`${label(side, '')} ${t('cedit.party.name')}`} placeholder={t('cedit.party.name')} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name={[side, 'uscc']} style={{ marginBottom: 0 }} tooltip={help(`${side}.uscc`)}>
              <Input aria-label={label(`${side}.uscc`, t('cedit.party.uscc'))} placeholder={t('cedit.party.uscc')} maxLength={18} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Form.Item>
  );

  const sums = summary(watched);
  return (
    <Drawer open title={t('cedit.title')} size="large" onClose={onClose} data-testid="contract-edit"
      extra={(
        <Space>
          <Button onClick={() => void save(false)} disabled={busy} data-testid="contract-save">{t('cedit.save')}</Button>
          <Button type="primary" onClick={() => void save(true)} disabled={busy} data-testid="contract-save-submit">{t('cedit.saveAndSubmit')}</Button>
        </Space>
      )}>
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} data-testid="contract-edit-error" />}
      <Form form={form} layout="vertical" initialValues={valuesOf(contract)} onValuesChange={() => setGeneral(null)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="type" label={label('type', t('contract.type'))} tooltip={help('type')} required={required('type')}>
              <Select data-testid="contract-type" onChange={(v: string) => form.setFieldValue('subtype', dictionary?.types.find((x) => x.key === v)?.subtypes[0]?.key ?? '')}
                options={(dictionary?.types ?? []).map((x) => ({ value: x.key, label: pick(x.label) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="subtype" label={label('subtype', t('contract.form.subtype'))} tooltip={help('subtype')} required={required('subtype')}>
              <Select data-testid="contract-subtype" options={(dictionary?.types.find((x) => x.key === type)?.subtypes ?? []).map((x) => ({ value: x.key, label: pick(x.label) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={label('title', t('contract.subject'))} tooltip={help('title')} required={required('title')}><Input /></Form.Item>
        <Form.Item name="field" label={label('field', t('auction.field'))} tooltip={help('field')} required={required('field')}>
          <Select data-testid="contract-field" showSearch optionFilterProp="label" options={fieldOptions} />
        </Form.Item>
        {party('seller')}
        {party('buyer')}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="totalYuan" label={`${label('totalFen', t('contract.total'))}（${t('cedit.amountYuan')}）`} tooltip={help('totalFen')} required={required('totalFen')}>
              <Input inputMode="decimal" data-testid="contract-total" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="technologyYuan" label={`${label('technologyFen', t('contract.technology'))}（${t('cedit.amountYuan')}）`} tooltip={help('technologyFen')} extra={t('cedit.technologyHint')}>
              <Input inputMode="decimal" data-testid="contract-technology" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={label('nonTechnicalCosts', t('contract.form.nonTechnicalYuan'))} tooltip={help('nonTechnicalCosts')}
          validateStatus={blocks.nonTechnicalCosts ? 'error' : undefined} help={blocks.nonTechnicalCosts}>
          <Form.List name="nonTechnicalCosts">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'item']}><Input placeholder={t('cedit.costs.item')} aria-label={t('cedit.costs.item')} /></Form.Item>
                    <Form.Item name={[row.name, 'amountYuan']}><Input placeholder={t('cedit.amountYuan')} aria-label={t('cedit.amountYuan')} inputMode="decimal" /></Form.Item>
                    <Button size="small" onClick={() => remove(row.name)}>{t('cedit.remove')}</Button>
                  </Space>
                ))}
                <Button size="small" type="dashed" onClick={() => add({ item: '', amountYuan: '' })}>{t('cedit.costs.add')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={label('payments', t('contract.payments'))} tooltip={help('payments')} required={required('payments')}
          validateStatus={blocks.payments ? 'error' : undefined} help={blocks.payments} data-testid="contract-payments">
          <Form.List name="payments">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'dueOn']} getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })} normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}>
                      <DatePicker aria-label={`${t('cedit.dueOn')} ${row.name + 1}`} placeholder={t('cedit.dueOn')} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'amountYuan']}>
                      <Input placeholder={t('cedit.amountYuan')} aria-label={`${t('cedit.amountYuan')} ${row.name + 1}`} inputMode="decimal" data-testid={`payment-amount-${row.name}`} />
                    </Form.Item>
                    <Button size="small" onClick={() => remove(row.name)}>{t('cedit.remove')}</Button>
                  </Space>
                ))}
                <Button size="small" type="dashed" onClick={() => add({ dueOn: '', amountYuan: '' })} data-testid="payment-add">{t('cedit.payments.add')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {sums && <Typography.Paragraph type="secondary" data-testid="contract-sums">{t('cedit.sums', sums)}</Typography.Paragraph>}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="signedOn" label={label('signedOn', 'signedOn')} tooltip={help('signedOn')}
              getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })} normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partiesContractNo" label={label('partiesContractNo', t('contract.form.partiesNo'))} tooltip={help('partiesContractNo')}><Input maxLength={60} /></Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/** The running sums under the schedule, so a mismatch is visible while typing. */
function summary(v: EditValues | undefined): { paid: string; total: string; technology: string } | null {
  if (!v) return null;
  const fen = (text: string | undefined) => BigInt(yuanToFen(text ?? '') ?? '0');
  const paid = (v.payments ?? []).reduce((a, p) => a + fen(p?.amountYuan), 0n);
  const costs = (v.nonTechnicalCosts ?? []).reduce((a, c) => a + fen(c?.amountYuan), 0n);
  const total = fen(v.totalYuan);
  return { paid: fenToYuan(paid.toString()), total: fenToYuan(total.toString()), technology: fenToYuan((total - costs).toString()) };
}

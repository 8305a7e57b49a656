import { Alert, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api-client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { useCurrentUser } from '../../auth/current-user.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { contractBody, SUBTYPES, type ContractFormValues } from './contract-form.ts';

const INITIAL: ContractFormValues = {
  type: 'transfer', subtype: 'patent', title: '', field: '', ourSide: 'seller', counterpartyName: '', counterpartyUscc: '',
  totalYuan: '', nonTechnicalYuan: '', dueOn: new Date().toISOString().slice(0, 10), partiesContractNo: '',
};

/** 录入技术合同: a party records a contract concluded off the platform; the server checks every rule. */
export function RecordContractButton() {
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ContractFormValues>(INITIAL);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me.organisation) return null;
  const set = <K extends keyof ContractFormValues>(key: K, value: ContractFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = async () => {
    const r = contractBody(values, me.organisation!.id);
    if (!r.ok) return setError(t('contract.form.badAmount'));
    setBusy(true);
    try {
      await api('POST', '/market/contracts', r.body);
      await client.invalidateQueries({ queryKey: ['contracts'] });
      setOpen(false);
      setValues(INITIAL);
      setError(null);
    } catch (e) {
      setError(errorMessage(e, lang, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="record-contract">{t('contract.record')}</Button>
      <Modal open={open} title={t('contract.record')} onCancel={() => setOpen(false)} onOk={() => void save()} okButtonProps={{ disabled: busy }} width={640}>
        <Form layout="vertical">
          <Form.Item label={t('contract.type')}>
            <Select value={values.type} onChange={(v: string) => setValues((x) => ({ ...x, type: v, subtype: SUBTYPES[v]![0]! }))}
              options={Object.keys(SUBTYPES).map((k) => ({ value: k, label: t(`contract.type.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item label={t('contract.form.subtype')}>
            <Select value={values.subtype} onChange={(v: string) => set('subtype', v)}
              options={SUBTYPES[values.type]!.map((k) => ({ value: k, label: t(`contract.subtype.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item label={t('contract.subject')}><Input value={values.title} onChange={(e) => set('title', e.target.value)} /></Form.Item>
          <Form.Item label={t('auction.field')}><Input value={values.field} onChange={(e) => set('field', e.target.value)} /></Form.Item>
          <Form.Item label={t('contract.form.ourSide')}>
            <Radio.Group value={values.ourSide} onChange={(e) => set('ourSide', e.target.value as 'seller' | 'buyer')}
              options={[{ value: 'seller', label: t('contract.seller') }, { value: 'buyer', label: t('contract.buyer') }]} />
          </Form.Item>
          <Form.Item label={t('contract.form.counterparty')}><Input value={values.counterpartyName} onChange={(e) => set('counterpartyName', e.target.value)} /></Form.Item>
          <Form.Item label={t('contract.form.uscc')}><Input value={values.counterpartyUscc} onChange={(e) => set('counterpartyUscc', e.target.value)} /></Form.Item>
          <Form.Item label={t('contract.form.totalYuan')}><Input value={values.totalYuan} onChange={(e) => set('totalYuan', e.target.value)} /></Form.Item>
          <Form.Item label={t('contract.form.nonTechnicalYuan')} extra={t('contract.form.nonTechnicalHint')}>
            <Input value={values.nonTechnicalYuan} onChange={(e) => set('nonTechnicalYuan', e.target.value)} />
          </Form.Item>
          <Form.Item label={t('contract.form.dueOn')}><Input type="date" value={values.dueOn} onChange={(e) => set('dueOn', e.target.value)} /></Form.Item>
          <Form.Item label={t('contract.form.partiesNo')}><Input value={values.partiesContractNo} onChange={(e) => set('partiesContractNo', e.target.value)} /></Form.Item>
        </Form>
        {error && <Alert type="error" title={error} role="alert" data-testid="record-error" />}
      </Modal>
    </>
  );
}

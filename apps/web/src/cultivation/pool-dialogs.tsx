import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useEnterprises } from '../registry/registry-api.ts';
import { useServerFieldError } from '../registry/use-server-field-error.ts';
import { usePoolChange, type PoolChange } from './cultivation-api.ts';

export const POOL_TIERS = ['tech-sme', 'hnte', 'gazelle', 'unicorn', 'innovative-sme', 'specialized-sme', 'little-giant'];

type Enterprise = { id: string; name: string };
/** What the dialog does: add (tier or enterprise fixed by where it was opened), remove with a reason, or set the mentor. */
export type PoolDialogState =
  | { kind: 'add'; tier?: string; enterprise?: Enterprise }
  | { kind: 'remove' | 'mentor'; tier: string; enterprise: Enterprise };

type Values = { organisationId?: string; tier?: string; mentor?: string; reason?: string };
const FIELDS = ['organisationId', 'tier', 'mentor', 'reason'] as const;
const TITLE = { add: 'pool.addTitle', remove: 'cul.remove', mentor: 'cul.assignMentor' } as const;

/** Staff change a pool: the server's refusals (already in the pool, a reason too short…) land on their field. */
export function PoolDialog({ state, onClose, onDone }: { state: PoolDialogState | null; onClose: () => void; onDone?: (change: PoolChange) => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<Values>();
  const change = usePoolChange();
  const errors = useServerFieldError(form, FIELDS);
  useEffect(() => {
    if (!state) return;
    form.resetFields();
    errors.clear();
    change.reset();
    form.setFieldsValue({ tier: state.tier ?? 'hnte' });
    // reset once per opening: what the user typed stays on an error
  }, [state]);
  const submit = async () => {
    if (!state) return;
    const v = await form.validateFields();
    const organisationId = state.enterprise?.id ?? v.organisationId!;
    const tier = state.tier ?? v.tier!;
    const mentor = v.mentor?.trim();
    const c: PoolChange = state.kind === 'add' ? { kind: 'add', tier, organisationId, ...(mentor ? { mentor } : {}) }
      : state.kind === 'remove' ? { kind: 'remove', tier, organisationId, reason: v.reason!.trim() }
        : { kind: 'mentor', tier, organisationId, mentor: mentor! };
    change.mutate(c, { onError: errors.show, onSuccess: () => { onDone?.(c); onClose(); } });
  };
  const title = state ? `${t(TITLE[state.kind])}${state.enterprise ? ` · ${state.enterprise.name}` : ''}` : '';
  return (
    <Modal open={state !== null} title={title} onCancel={onClose} onOk={() => void submit()} okText={t('cul.ok')} cancelText={t('edit.cancel')}
      confirmLoading={change.isPending} forceRender okButtonProps={{ 'data-testid': 'pool-dialog-ok' } as ButtonProps}>
      {errors.general && <Alert type="error" showIcon title={errors.general} role="alert" data-testid="pool-dialog-error" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="pool" onValuesChange={errors.clear} data-testid="pool-dialog">
        {state?.kind === 'add' && !state.enterprise && (
          <Form.Item name="organisationId" label={t('pool.enterprise')} rules={[{ required: true, message: t('edit.required') }]}>
            <EnterprisePicker />
          </Form.Item>
        )}
        {state?.kind === 'add' && !state.tier && (
          <Form.Item name="tier" label={t('pool.tier')} rules={[{ required: true, message: t('edit.required') }]}>
            <Select options={POOL_TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as MessageKey) }))} />
          </Form.Item>
        )}
        {state?.kind !== 'remove' && (
          <Form.Item name="mentor" label={state?.kind === 'add' ? t('pool.mentor') : t('pool.mentorRequired')}
            rules={state?.kind === 'mentor' ? [{ required: true, whitespace: true, message: t('edit.required') }] : []}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {state?.kind === 'remove' && (
          // The rule (at least 2 characters) is the server's; its bilingual message appears here when broken.
          <Form.Item name="reason" label={t('pool.reason')} extra={t('pool.reasonHelp')} rules={[{ required: true, whitespace: true, message: t('edit.required') }]}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A search-as-you-type enterprise choice, as a form control (value = organisation id). */
function EnterprisePicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useLanguage();
  const [q, setQ] = useState('');
  const found = useEnterprises({ q, limit: 20, offset: 0 });
  return (
    <Select id={id} value={value} onChange={onChange} placeholder={t('pool.searchEnterprise')} loading={found.isFetching} data-testid="pool-enterprise"
      showSearch={{ filterOption: false, onSearch: setQ }} notFoundContent={null}
      options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))} />
  );
}

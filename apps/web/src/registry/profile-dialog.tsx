import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { TECH_FIELD_NAMES } from './edit-messages.ts';
import { CLUSTER_NAMES } from './messages.ts';
import { useSaveProfile, type EnterpriseRecord, type ProfileBody } from './registry-api.ts';
import { useServerFieldError } from './use-server-field-error.ts';

const FIELDS = ['foundedOn', 'industryCode', 'techField', 'cluster'] as const;
type ProfileValues = { foundedOn?: string | null; industryCode?: string | null; techField?: string | null; cluster?: string | null };

/** The registry attributes an enterprise (or bureau staff) may edit; name and credit code belong to identity. */
export function ProfileDialog({ record, open, onClose, onSaved }: { record: EnterpriseRecord; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { lang, t } = useLanguage();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSaveProfile(record.id);
  const errors = useServerFieldError(form, FIELDS);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
    save.reset();
    form.setFieldsValue({ foundedOn: record.foundedOn, industryCode: record.industryCode, techField: record.techField, cluster: record.cluster });
    // reset once per opening, not on every render: what the user typed stays until the dialog is reopened
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    // blank means "no value": the PATCH clears it (unlike the annual data, where blank keeps the stored value)
    const body: ProfileBody = {
      foundedOn: v.foundedOn || null, industryCode: v.industryCode?.trim().toUpperCase() || null, techField: v.techField ?? null, cluster: v.cluster ?? null,
    };
    save.mutate(body, { onError: errors.show, onSuccess: onSaved });
  };
  const options = (names: Record<string, { zh: string; en: string }>) => Object.entries(names).map(([value, n]) => ({ value, label: lang === 'en' ? n.en : n.zh }));
  return (
    <Modal
      open={open} title={t('edit.profile.title')} onCancel={onClose} onOk={() => void submit()} okText={t('edit.save')} cancelText={t('edit.cancel')}
      confirmLoading={save.isPending} forceRender okButtonProps={{ 'data-testid': 'profile-save' } as ButtonProps}
    >
      {errors.general && <Alert type="error" showIcon title={errors.general} role="alert" data-testid="profile-error" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="profile" onValuesChange={errors.clear}>
        <Form.Item name="foundedOn" label={t('profile.foundedOn')}><Input type="date" /></Form.Item>
        <Form.Item name="industryCode" label={t('profile.industryCode')}><Input maxLength={5} allowClear /></Form.Item>
        <Form.Item name="techField" label={t('profile.techField')}><Select allowClear placeholder={t('edit.none')} options={options(TECH_FIELD_NAMES)} /></Form.Item>
        <Form.Item name="cluster" label={t('profile.cluster')}><Select allowClear placeholder={t('edit.none')} options={options(CLUSTER_NAMES)} /></Form.Item>
      </Form>
    </Modal>
  );
}

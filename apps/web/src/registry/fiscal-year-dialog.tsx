import { Alert, Col, Divider, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { COUNT_FIELDS, fiscalYearBody, formValuesOf, MONEY_FIELDS, wanToFen, type FiscalYearFormValues } from './fiscal-year-form-model.ts';
import { useSaveFiscalYear, type FiscalYear } from './registry-api.ts';
import { useServerFieldError } from './use-server-field-error.ts';

const FIELDS = ['year', ...MONEY_FIELDS, ...COUNT_FIELDS] as const;

/**
 * One year of annual data: correct a stored year (`stored`) or add a new one. Amounts are typed in 万元; the
 * server checks the year as the import checks a row and its error is shown on the field it names.
 */
export function FiscalYearDialog({ enterpriseId, stored, open, existingYears, onClose, onSaved }: {
  enterpriseId: string; stored: FiscalYear | null; open: boolean; existingYears: readonly number[]; onClose: () => void; onSaved: (year: number) => void;
}) {
  const { t } = useLanguage();
  const [form] = Form.useForm<FiscalYearFormValues>();
  const save = useSaveFiscalYear(enterpriseId);
  const errors = useServerFieldError(form, FIELDS);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
    save.reset();
    form.setFieldsValue(stored ? formValuesOf(stored) : {});
    // reset once per opening, not on every render: what the user typed stays until the dialog is reopened
  }, [open, stored]);
  const submit = async () => {
    const values = await form.validateFields();
    const year = stored?.year ?? values.year!;
    save.mutate({ year, body: fiscalYearBody(values) }, { onError: errors.show, onSuccess: () => onSaved(year) });
  };
  const amount = { validator: (_: unknown, v: string | null | undefined) => (!v?.trim() || wanToFen(v.trim()) !== null ? Promise.resolve() : Promise.reject(new Error(t('edit.notAmount')))) };
  return (
    <Modal
      open={open} width={760} title={stored ? t('edit.fy.title', { year: stored.year }) : t('edit.fy.newTitle')} onCancel={onClose} onOk={() => void submit()}
      okText={t('edit.save')} cancelText={t('edit.cancel')} confirmLoading={save.isPending} forceRender
      okButtonProps={{ 'data-testid': 'fy-save' } as ButtonProps}
    >
      {errors.general && <Alert type="error" showIcon title={errors.general} role="alert" data-testid="fy-error" style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('edit.fy.blankKeeps')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="fiscal-year" data-testid="fy-form" onValuesChange={errors.clear}>
        {!stored && (
          <Form.Item name="year" label={t('fy.year')} rules={[
            { required: true, message: t('edit.required') },
            { validator: (_: unknown, y: number | null) => (y && existingYears.includes(y) ? Promise.reject(new Error(t('edit.fy.yearTaken', { year: y }))) : Promise.resolve()) },
          ]}>
            <InputNumber precision={0} min={1949} max={2100} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>{t('edit.fy.money')}</Divider>
        <Row gutter={16}>
          {MONEY_FIELDS.map((k) => (
            <Col key={k} xs={24} sm={12} md={8}>
              <Form.Item name={k} label={t(`fy.${k}` as MessageKey)} rules={[amount]}>
                <Input inputMode="decimal" suffix={t('edit.wan')} allowClear />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start" plain>{t('edit.fy.people')}</Divider>
        <Row gutter={16}>
          {COUNT_FIELDS.map((k) => (
            <Col key={k} xs={24} sm={12} md={6}>
              <Form.Item name={k} label={t(`fy.${k}` as MessageKey)}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { targetRequest, type TargetFormValues } from './monitoring-forms.ts';
import type { BoardTarget, PlanBody } from './monitoring-types.ts';
import { useIndicators, usePlanWrites } from './use-monitoring.ts';

const YEAR = /^\d{4}$/;

/** The server names the field at fault: show its message under that field, else above the form. */
function useServerError<T extends object>(form: FormInstance<T>, fields: readonly string[]) {
  const { lang, t } = useLanguage();
  const [general, setGeneral] = useState<string | null>(null);
  const show = (error: unknown) => {
    const text = errorMessage(error, lang, t);
    const field = error instanceof ApiError ? error.field : null;
    if (field && fields.includes(field)) {
      form.setFields([{ name: field as never, errors: [text] }]);
      setGeneral(null);
    } else {
      setGeneral(text);
    }
  };
  return { general, show, clear: () => setGeneral(null) };
}

type PlanFormValues = PlanBody & { code: string };

export function PlanDialog({ plan, open, onClose }: { plan: (PlanBody & { code: string }) | null; open: boolean; onClose: () => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<PlanFormValues>();
  const { savePlan } = usePlanWrites();
  const errors = useServerError(form, ['code', 'nameZh', 'nameEn', 'startPeriod', 'endPeriod']);
  useEffect(() => {
    if (open) { form.resetFields(); if (plan) form.setFieldsValue(plan); errors.clear(); }
    // reset once per opening (not on every render of the form)
  }, [open, plan]);
  const submit = async () => {
    const { code, ...body } = await form.validateFields();
    savePlan.mutate({ code, body }, { onSuccess: onClose, onError: errors.show });
  };
  const year = [{ required: true, message: t('mon.required') }, { pattern: YEAR, message: t('mon.yearFormat') }];
  return (
    <Modal
      open={open} title={plan ? t('mon.plan.edit') : t('mon.plan.new')} onCancel={onClose} onOk={() => void submit()}
      okText={t('mon.save')} cancelText={t('mon.cancel')} confirmLoading={savePlan.isPending} okButtonProps={{ 'data-testid': 'plan-save' } as ButtonProps}
    >
      {errors.general && <Alert type="error" showIcon title={errors.general} role="alert" data-testid="plan-error" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="plan">
        <Form.Item name="code" label={t('mon.plan.code')} extra={t('mon.plan.codeHelp')} rules={[{ required: true, message: t('mon.required') }, { pattern: /^[a-z0-9_-]{1,80}$/, message: t('mon.plan.codeHelp') }]}>
          <Input disabled={Boolean(plan)} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('mon.plan.nameZh')} rules={[{ required: true, whitespace: true, message: t('mon.required') }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('mon.plan.nameEn')} rules={[{ required: true, whitespace: true, message: t('mon.required') }]}><Input /></Form.Item>
        <Form.Item name="startPeriod" label={t('mon.plan.start')} rules={year}><Input placeholder="2022" inputMode="numeric" /></Form.Item>
        <Form.Item name="endPeriod" label={t('mon.plan.end')} rules={year}><Input placeholder="2025" inputMode="numeric" /></Form.Item>
      </Form>
    </Modal>
  );
}

export function TargetDialog({ planCode, target, open, onClose, taken }: {
  planCode: string; target: BoardTarget | null; open: boolean; onClose: () => void; taken: readonly string[];
}) {
  const { lang, t } = useLanguage();
  const [form] = Form.useForm<TargetFormValues>();
  const indicators = useIndicators();
  const { saveTarget } = usePlanWrites();
  const errors = useServerError(form, ['indicatorCode', 'baselinePeriod', 'baselineValue', 'targetPeriod', 'targetValue', 'comparison']);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
    form.setFieldsValue(target
      ? { indicatorCode: target.indicatorCode, baselinePeriod: target.baselinePeriod, baselineValue: target.baselineValue, targetPeriod: target.targetPeriod, targetValue: target.targetValue, comparison: target.comparison }
      : { comparison: 'at_least' });
    // reset once per opening (not on every render of the form)
  }, [open, target]);
  const submit = async () => {
    const values = await form.validateFields();
    saveTarget.mutate({ plan: planCode, indicator: values.indicatorCode, body: targetRequest(values) }, { onSuccess: onClose, onError: errors.show });
  };
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  const options = (indicators.data?.items ?? [])
    .filter((i) => target?.indicatorCode === i.code || !taken.includes(i.code))
    .map((i) => ({ value: i.code, label: `${name(i)}（${lang === 'en' ? i.unitEn : i.unit}）` }));
  return (
    <Modal
      open={open} title={target ? t('mon.target.editTitle', { name: name(target) }) : t('mon.target.new')} onCancel={onClose} onOk={() => void submit()}
      okText={t('mon.save')} cancelText={t('mon.cancel')} confirmLoading={saveTarget.isPending} okButtonProps={{ 'data-testid': 'target-save' } as ButtonProps}
    >
      {errors.general && <Alert type="error" showIcon title={errors.general} role="alert" data-testid="target-error" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="target">
        <Form.Item name="indicatorCode" label={t('mon.indicator')} rules={[{ required: true, message: t('mon.required') }]}>
          <Select showSearch optionFilterProp="label" options={options} disabled={Boolean(target)} loading={indicators.isPending} />
        </Form.Item>
        <Form.Item label={t('mon.target.baselinePeriod')} extra={t('mon.target.baselineHelp')} style={{ marginBottom: 0 }}>
          <Form.Item name="baselinePeriod" rules={[{ pattern: YEAR, message: t('mon.yearFormat') }]} style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <Input placeholder="2021" aria-label={t('mon.target.baselinePeriod')} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="baselineValue" style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}>
            <InputNumber style={{ width: '100%' }} placeholder={t('mon.target.baselineValue')} aria-label={t('mon.target.baselineValue')} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="targetPeriod" label={t('mon.target.targetPeriod')} rules={[{ required: true, message: t('mon.required') }, { pattern: YEAR, message: t('mon.yearFormat') }]}>
          <Input placeholder="2025" inputMode="numeric" data-testid="target-period" />
        </Form.Item>
        <Form.Item name="targetValue" label={t('mon.target.targetValue')} rules={[{ required: true, message: t('mon.required') }]}>
          <InputNumber style={{ width: '100%' }} data-testid="target-value" />
        </Form.Item>
        <Form.Item name="comparison" label={t('mon.target.comparison')}>
          <Radio.Group options={[{ value: 'at_least', label: t('mon.target.atLeast') }, { value: 'at_most', label: t('mon.target.atMost') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

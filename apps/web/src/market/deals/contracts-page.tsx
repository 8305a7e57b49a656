import { Alert, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message.ts';
import { useCurrentUser } from '../../auth/current-user.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { PageError } from '../../states/page-states.tsx';
import { useContractAction, useContracts, type Contract } from './deals-api.ts';
import { fenToYuan, formatMoney } from './money.ts';
import { ContractEditDrawer } from './contract-edit-form.tsx';
import { RecordContractButton } from './record-contract.tsx';

const STATUS_COLOUR: Record<string, string> = { draft: 'default', submitted: 'gold', registered: 'green', returned: 'red' };
const FILTERS = ['all', 'draft', 'submitted', 'registered', 'returned'] as const;

/** 技术合同: parties see their contracts and submit them; the bureau registers (认定登记) or returns them. */
export function ContractsPage() {
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  useDocumentTitle(t('contract.title'));
  const [params] = useSearchParams();
  const focus = params.get('focus');
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const contracts = useContracts(filter === 'all' ? undefined : filter);
  const action = useContractAction();
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState<Contract | null>(null);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState<Contract | null>(null);
  const bureau = me.role === 'bureau_admin' || me.role === 'bureau_staff';
  const run = (id: string, kind: 'submit' | 'register' | 'return', note?: string) =>
    action.mutate({ id, action: kind, note }, { onError: (e) => setError(errorMessage(e, lang, t)), onSuccess: () => setError(null) });

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('contract.title')}</Typography.Title>
        {!bureau && <RecordContractButton />}
      </Space>
      <Segmented style={{ marginBottom: 12 }} value={filter} onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
        options={FILTERS.map((f) => ({ value: f, label: t((f === 'all' ? 'contract.filter.all' : `contract.status.${f}`) as MessageKey) }))} />
      {error && <Alert type="error" title={error} role="alert" data-testid="contract-error" style={{ marginBottom: 12 }} />}
      {contracts.isError ? <PageError error={contracts.error} onRetry={() => void contracts.refetch()} /> : (
        <Table<Contract> rowKey="id" size="middle" data-testid="contracts-table" loading={contracts.isPending} dataSource={contracts.data?.items ?? []}
          locale={{ emptyText: t('contract.empty') }}
          rowClassName={(c) => (c.id === focus ? 'ant-table-row-selected' : '')}
          expandable={{ expandedRowRender: (c) => (
            <Space direction="vertical">
              <span>{t('contract.payments')}：{c.payments.map((p) => `${p.dueOn} ¥${fenToYuan(p.amountFen)}`).join('；')}</span>
              {c.reviewNote && <span>{c.reviewNote}</span>}
            </Space>
          ) }}
          columns={[
            { title: t('contract.subject'), dataIndex: 'title', render: (v: string, c) => <span data-testid={`contract-${c.id}`}>{v}</span> },
            { title: t('contract.type'), dataIndex: 'type', render: (v: string) => t(`contract.type.${v}` as MessageKey) },
            { title: t('contract.seller'), render: (_, c) => c.seller.name },
            { title: t('contract.buyer'), render: (_, c) => c.buyer.name },
            { title: t('contract.total'), dataIndex: 'totalFen', render: (v: string) => formatMoney(v, lang) },
            { title: t('contract.technology'), dataIndex: 'technologyFen', render: (v: string) => formatMoney(v, lang) },
            { title: t('contract.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOUR[v]}>{t(`contract.status.${v}` as MessageKey)}</Tag> },
            { title: t('contract.registrationNo'), dataIndex: 'registrationNo', render: (v: string | null) => v ?? '—' },
            {
              title: '', key: 'actions', render: (_, c) => (
                <Space>
                  {!bureau && (c.status === 'draft' || c.status === 'returned') && (
                    <Button size="small" onClick={() => setEditing(c)} data-testid={`contract-edit-${c.id}`}>{t('cedit.edit')}</Button>
                  )}
                  {!bureau && (c.status === 'draft' || c.status === 'returned') && (
                    <Button size="small" type="primary" disabled={action.isPending} onClick={() => run(c.id, 'submit')}>{t('contract.submit')}</Button>
                  )}
                  {bureau && c.status === 'submitted' && (
                    <>
                      <Button size="small" type="primary" disabled={action.isPending} onClick={() => run(c.id, 'register')}>{t('contract.register')}</Button>
                      <Button size="small" danger disabled={action.isPending} onClick={() => { setReturning(c); setReason(''); }}>{t('contract.return')}</Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]} />
      )}
      {editing && <ContractEditDrawer key={editing.id} contract={editing} onClose={() => setEditing(null)} />}
      <Modal open={returning !== null} title={t('contract.returnReason')} onCancel={() => setReturning(null)}
        okButtonProps={{ disabled: reason.trim().length === 0 }} onOk={() => { if (returning) run(returning.id, 'return', reason.trim()); setReturning(null); }}>
        <Input.TextArea aria-label={t('contract.returnReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Modal>
    </>
  );
}

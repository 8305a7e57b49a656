import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useLanguage, type Translate } from '../i18n/language-context.tsx';
import { useNegotiationAction } from './deals/deals-api.ts';

/**
 * 拒绝议价: either side, while the negotiation is open, whoever spoke last. A dialog says what declining means
 * (final for this negotiation, the listing stays on sale) and takes an optional reason the other side will see.
 */
export function DeclineNegotiationButton({ id, size, onError, onDone }: { id: string; size?: 'small'; onError: (e: unknown) => void; onDone: () => void }) {
  const { t } = useLanguage();
  const action = useNegotiationAction(id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = () => action.mutate({ action: 'decline', ...(reason.trim() ? { reason: reason.trim() } : {}) }, {
    onError: (e) => { setOpen(false); onError(e); },
    onSuccess: () => { setOpen(false); setReason(''); onDone(); },
  });
  return (
    <>
      <Button size={size} danger disabled={action.isPending} onClick={() => setOpen(true)} data-testid={`decline-${id}`}>{t('negs.decline')}</Button>
      <Modal open={open} title={t('negs.declineTitle')} okText={t('negs.declineOk')} cancelText={t('negs.cancel')} okButtonProps={{ danger: true, loading: action.isPending }}
        onOk={confirm} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('negs.declineHint')}</Typography.Paragraph>
        <label htmlFor={`decline-reason-${id}`}>{t('negs.declineReason')}</label>
        <Input.TextArea id={`decline-reason-${id}`} value={reason} maxLength={500} showCount rows={3} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

/** The decline as a line of text: who declined and why. */
export function declinedText(declined: { side: 'buyer' | 'seller'; reason: string }, mySide: 'buyer' | 'seller', t: Translate): string {
  const who = t(declined.side === mySide ? 'negs.declinedBy.me' : 'negs.declinedBy.them');
  return `${who} · ${declined.reason ? t('negs.declinedReason', { reason: declined.reason }) : t('negs.noReason')}`;
}

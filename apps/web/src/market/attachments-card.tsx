import { Alert, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { api } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { CurrentUserContext } from '../auth/current-user.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { Listing } from './market-api.ts';
import { postFile } from './post-file.ts';

type Attachment = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedAt: string };

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A listing's files: everyone who sees the listing downloads them; its owner adds and removes them on a draft. */
export function AttachmentsCard({ listing }: { listing: Listing }) {
  const { lang, t } = useLanguage();
  const me = useContext(CurrentUserContext);
  const client = useQueryClient();
  const base = `/market/listings/${listing.id}/attachments`;
  const region = `region=${listing.regionCode}`;
  const files = useQuery({ queryKey: ['market-attachments', listing.id], queryFn: () => api<{ items: Attachment[] }>('GET', `${base}?${region}`) });
  const refresh = () => client.invalidateQueries({ queryKey: ['market-attachments', listing.id] });
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) => postFile<Attachment>(`${base}?fileName=${encodeURIComponent(f.name)}`, f),
    onSuccess: () => { setFile(null); setInputKey((k) => k + 1); return refresh(); },
  });
  const remove = useMutation({ mutationFn: (id: string) => api('DELETE', `${base}/${id}`), onSuccess: refresh });
  const owner = me?.organisation?.id === listing.ownerOrgId;
  const editable = owner && listing.status === 'draft';
  const items = files.data?.items ?? [];
  if (!owner && items.length === 0) return null;
  const failure = upload.error ?? remove.error;
  return (
    <Card size="small" title={t('attach.title')} style={{ marginTop: 16 }} data-testid="attachments">
      <List size="small" loading={files.isLoading} dataSource={items} locale={{ emptyText: t('attach.empty') }}
        renderItem={(a) => (
          <List.Item actions={editable ? [
            <Popconfirm key="d" title={t('attach.deleteConfirm')} onConfirm={() => remove.mutate(a.id)}>
              <Button size="small" danger>{t('attach.delete')}</Button>
            </Popconfirm>,
          ] : []}>
            <Space>
              <a href={`/api/v1${base}/${a.id}?${region}`} data-testid="attachment-link">{a.fileName}</a>
              <Typography.Text type="secondary">{size(a.sizeBytes)}</Typography.Text>
            </Space>
          </List.Item>
        )} />
      {editable && (
        <Space direction="vertical" style={{ marginTop: 8 }}>
          <Space wrap>
            <input key={inputKey} type="file" aria-label={t('attach.choose')} data-testid="attachment-file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt"
              onChange={(e) => { upload.reset(); setFile(e.target.files?.[0] ?? null); }} />
            <Button type="primary" disabled={!file || upload.isPending} onClick={() => file && upload.mutate(file)} data-testid="attachment-upload">
              {upload.isPending ? t('attach.uploading') : t('attach.upload')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('attach.rules')}</Typography.Text>
        </Space>
      )}
      {owner && !editable && <Typography.Text type="secondary">{t('attach.draftOnly')}</Typography.Text>}
      {failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorMessage(failure, lang, t)} data-testid="attachment-error" />}
    </Card>
  );
}

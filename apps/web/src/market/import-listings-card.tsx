import { Alert, Button, Card, Checkbox, Flex, Progress, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { download } from '../registry/registry-api.ts';
import { useMarketImportJob, useStartMarketImport } from './market-import-api.ts';

/** Upload a listings sheet, watch the job's progress, then download the error report if rows failed. */
export function ImportListingsCard({ bureau }: { bureau: boolean }) {
  const { lang, t } = useLanguage();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const start = useStartMarketImport();
  const job = useMarketImportJob(start.data?.id ?? null).data ?? start.data;
  const pct = job ? Math.round((100 * job.readBytes) / Math.max(1, job.totalBytes)) : 0;
  const finished = job?.status === 'finished';
  // The new drafts appear in "my listings" (and the review queue) once the job is done.
  useEffect(() => { if (finished) void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('market-') }); }, [finished, client]);
  return (
    <Card size="small" title={t('mimport.title')} data-testid="market-import" style={{ marginTop: 16 }}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('mimport.hint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Button onClick={() => void download('/market/import-template?format=xlsx', '成果需求导入模板.xlsx')}>{t('mimport.template')}</Button>
          <label>
            <Typography.Text>{t('mimport.choose')}：</Typography.Text>
            <input type="file" accept=".xlsx,.csv" data-testid="market-import-file" onChange={(e) => { start.reset(); setFile(e.target.files?.[0] ?? null); }} />
          </label>
          {bureau && <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>{t('mimport.publish')}</Checkbox>}
          <Button type="primary" disabled={!file || start.isPending || job?.status === 'running'} onClick={() => file && start.mutate({ file, publish })} data-testid="market-import-start">
            {t('mimport.start')}
          </Button>
        </Flex>
        {start.isError && <Alert type="error" data-testid="market-import-error" title={errorMessage(start.error, lang, t)} />}
        {job && (
          <>
            <Progress percent={finished ? 100 : pct} status={job.status === 'failed' ? 'exception' : job.status === 'running' ? 'active' : 'success'} />
            <Alert
              data-testid="market-import-summary"
              type={job.status === 'failed' ? 'error' : job.rowsFailed > 0 ? 'warning' : finished ? 'success' : 'info'}
              title={job.status === 'failed' ? t('mimport.failed')
                : finished ? t('mimport.done', { ok: job.rowsImported, failed: job.rowsFailed }) : t('mimport.progress', { rows: job.rowsRead })}
              description={job.error ? (lang === 'en' ? job.error.message_en : job.error.message) : undefined}
            />
            {finished && job.rowsFailed > 0 && (
              <Button onClick={() => void download(`/market/imports/${job.id}/errors?format=xlsx`, '成果需求导入错误报告.xlsx')} data-testid="market-import-report">
                {t('mimport.report')}
              </Button>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}

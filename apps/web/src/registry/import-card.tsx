import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { download, useImportJob, useStartImport } from './registry-api.ts';

/** Upload a sheet, watch the job's progress, then download the error report if rows failed. */
export function ImportCard() {
  const { lang, t } = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const start = useStartImport();
  const job = useImportJob(start.data?.id ?? null).data ?? start.data;
  const pct = job ? Math.round((100 * job.readBytes) / Math.max(1, job.totalBytes)) : 0;
  return (
    <Card title={t('reg.import.title')} data-testid="registry-import">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Button onClick={() => void download('/registry/import-template?format=xlsx', '企业名录导入模板.xlsx')} data-testid="import-template">{t('reg.import.template')}</Button>
          <label>
            <Typography.Text>{t('reg.import.choose')}：</Typography.Text>
            <input type="file" accept=".xlsx,.csv" data-testid="registry-import-file" onChange={(e) => { start.reset(); setFile(e.target.files?.[0] ?? null); }} />
          </label>
          <Button type="primary" disabled={!file || start.isPending || job?.status === 'running'} onClick={() => file && start.mutate(file)} data-testid="registry-import-start">
            {t('reg.import.start')}
          </Button>
        </Flex>
        {start.isError && <Alert type="error" data-testid="registry-import-error" title={errorMessage(start.error, lang, t)} />}
        {job && (
          <>
            <Progress percent={job.status === 'finished' ? 100 : pct} status={job.status === 'failed' ? 'exception' : job.status === 'running' ? 'active' : 'success'} />
            <Alert
              data-testid="registry-import-summary"
              type={job.status === 'failed' ? 'error' : job.rowsFailed > 0 ? 'warning' : job.status === 'finished' ? 'success' : 'info'}
              title={job.status === 'failed' ? t('reg.import.failed')
                : job.status === 'finished' ? t('reg.import.done', { ok: job.rowsImported, failed: job.rowsFailed })
                  : t('reg.import.progress', { rows: job.rowsRead, ok: job.rowsImported, failed: job.rowsFailed })}
              description={job.error ? (lang === 'en' ? job.error.message_en : job.error.message) : undefined}
            />
            {job.status === 'finished' && job.rowsFailed > 0 && (
              <Button onClick={() => void download(`/registry/imports/${job.id}/errors?format=xlsx`, '导入错误报告.xlsx')} data-testid="registry-import-report">
                {t('reg.import.report')}
              </Button>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}

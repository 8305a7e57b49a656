import { Alert, Button, Card, Flex, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { download, IMPORT_KINDS, useImportJob, useStartImport, type ImportKind } from './registry-api.ts';

/** Template and export file names as the server names them: Chinese, like the sheets bureaus circulate. */
const TEMPLATE_NAMES: Record<ImportKind, string> = {
  enterprises: '企业名录', certificates: '资质证书', honours: '奖励、研发机构、标准与融资', platforms: '创新平台', talents: '人才团队',
};

/** Choose what to import, download its template or what is registered of it, upload the sheet, watch the job's
 * progress, then download the error report if rows failed. */
export function ImportCard() {
  const { lang, t } = useLanguage();
  const [kind, setKind] = useState<ImportKind>('enterprises');
  const [file, setFile] = useState<File | null>(null);
  const start = useStartImport();
  const job = useImportJob(start.data?.id ?? null).data ?? start.data;
  const pct = job ? Math.round((100 * job.readBytes) / Math.max(1, job.totalBytes)) : 0;
  return (
    <Card title={t('reg.import.title')} data-testid="registry-import">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <label>
            <Typography.Text>{t('reg.import.kind')}：</Typography.Text>
            <Select value={kind} style={{ width: 280 }} data-testid="registry-import-kind" disabled={job?.status === 'running'}
              onChange={(v) => { setKind(v); start.reset(); }}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`reg.import.kind.${k}`) }))} />
          </label>
          <Button onClick={() => void download(`/registry/import-template?format=xlsx&kind=${kind}`, `${TEMPLATE_NAMES[kind]}导入模板.xlsx`)} data-testid="import-template">{t('reg.import.template')}</Button>
          {/* What is registered of the chosen kind, in the template's layout: edit it and import it back. */}
          <Button onClick={() => void download(`/registry/export?format=xlsx&kind=${kind}`, `${TEMPLATE_NAMES[kind]}.xlsx`)} data-testid="registry-export-kind">{t('reg.import.export')}</Button>
          <label>
            <Typography.Text>{t('reg.import.choose')}：</Typography.Text>
            <input type="file" accept=".xlsx,.csv" data-testid="registry-import-file" onChange={(e) => { start.reset(); setFile(e.target.files?.[0] ?? null); }} />
          </label>
          <Button type="primary" disabled={!file || start.isPending || job?.status === 'running'} onClick={() => file && start.mutate({ file, kind })} data-testid="registry-import-start">
            {t('reg.import.start')}
          </Button>
        </Flex>
        {start.isError && <Alert type="error" data-testid="registry-import-error" title={errorMessage(start.error, lang, t)} />}
        {job && (
          <>
            <Progress percent={job.status === 'finished' ? 100 : pct} status={job.status === 'failed' || job.status === 'interrupted' ? 'exception' : job.status === 'running' ? 'active' : 'success'} />
            <Alert
              data-testid="registry-import-summary"
              type={job.status === 'failed' || job.status === 'interrupted' ? 'error' : job.rowsFailed > 0 ? 'warning' : job.status === 'finished' ? 'success' : 'info'}
              title={job.status === 'failed' ? t('reg.import.failed') : job.status === 'interrupted' ? t('reg.import.interrupted')
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

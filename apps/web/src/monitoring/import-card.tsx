import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import type { ImportIssue } from './monitoring-types.ts';
import { download, fileToBase64, useImport } from './use-monitoring.ts';

/** Excel import: check first (dry run), show the row-level issues, then import only when there are no errors. */
export function ImportCard() {
  const { lang, t } = useLanguage();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const importer = useImport();
  const result = importer.data;
  const run = (dryRun: boolean) => file && importer.mutate({ fileBase64: file.base64, dryRun });
  return (
    <Card title={t('mon.import.title')} data-testid="import-card">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Button onClick={() => void download('GET', '/monitoring/imports/template', 'observations-template.xlsx')}>{t('mon.import.template')}</Button>
          <label>
            <Typography.Text>{t('mon.import.choose')}：</Typography.Text>
            <input
              type="file" accept=".xlsx" data-testid="import-file"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                importer.reset();
                setFile(f ? { name: f.name, base64: await fileToBase64(f) } : null);
              }}
            />
          </label>
          <Button disabled={!file || importer.isPending} onClick={() => run(true)} data-testid="import-check">{t('mon.import.check')}</Button>
          <Button type="primary" disabled={!file || !result || result.errorCount > 0 || result.written > 0 || importer.isPending} onClick={() => run(false)} data-testid="import-commit">
            {t('mon.import.commit')}
          </Button>
          {result && result.issues.length > 0 && file && (
            <Button onClick={() => void download('POST', '/monitoring/imports/report', 'import-report.xlsx', { fileBase64: file.base64 })}>{t('mon.import.report')}</Button>
          )}
        </Flex>
        {result && (
          <Alert
            data-testid="import-summary"
            type={result.errorCount > 0 ? 'error' : result.written > 0 ? 'success' : 'info'}
            title={result.written > 0 ? t('mon.import.done', { written: result.written }) : t('mon.import.summary', { rows: result.rows, errors: result.errorCount, warnings: result.warningCount })}
            description={result.errorCount > 0 ? t('mon.import.blocked') : undefined}
          />
        )}
        {result && result.issues.length > 0 && (
          <Table<ImportIssue>
            size="small" rowKey={(i) => `${i.row}-${i.column}-${i.code}-${i.message}`} dataSource={result.issues} pagination={{ pageSize: 10 }} data-testid="import-issues"
            columns={[
              { title: t('mon.col.row'), dataIndex: 'row', width: 70, render: (r: number | null) => r ?? '—' },
              { title: t('mon.col.column'), dataIndex: 'column', width: 120, render: (c: string | null) => c ?? '—' },
              { title: t('mon.col.severity'), dataIndex: 'severity', width: 90, render: (s: 'error' | 'warning') => <Tag color={s === 'error' ? 'red' : 'gold'}>{t(`mon.severity.${s}`)}</Tag> },
              { title: t('mon.col.message'), render: (_: unknown, i) => (lang === 'en' ? i.messageEn : i.message) },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

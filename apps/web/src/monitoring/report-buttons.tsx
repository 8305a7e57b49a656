import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, message as antdMessage, Space } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { download } from './use-monitoring.ts';

type ReportLang = 'zh' | 'en';

/** Excel and PDF report exports. The PDF comes in the page's language; the arrow offers the other one. */
export function ReportButtons({ run, period }: { run?: string; period?: string }) {
  const { lang, t } = useLanguage();
  const [message, messageHolder] = antdMessage.useMessage();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const query = run ? `run=${encodeURIComponent(run)}` : '';
  const save = async (kind: 'xlsx' | 'pdf', path: string, filename: string) => {
    setBusy(kind);
    try {
      await download('GET', path, filename);
    } catch (err) {
      void message.error(t('mon.downloadFailed', { error: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };
  const pdf = (reportLang: ReportLang) =>
    void save('pdf', `/monitoring/report.pdf?${query}${query ? '&' : ''}lang=${reportLang}`, `monitoring-report-${period ?? 'latest'}-${reportLang}.pdf`);
  const pageLang: ReportLang = lang === 'en' ? 'en' : 'zh';
  return (
    <>
      {messageHolder}
      <Button type="primary" data-testid="export-excel" loading={busy === 'xlsx'} onClick={() => void save('xlsx', `/monitoring/report.xlsx${query ? `?${query}` : ''}`, `monitoring-${period ?? 'report'}.xlsx`)}>
        {t('mon.export')}
      </Button>
      <Space.Compact>
        <Button data-testid="export-pdf" loading={busy === 'pdf'} onClick={() => pdf(pageLang)}>{t('mon.exportPdf')}</Button>
        <Dropdown
          trigger={['click']}
          menu={{ items: (['zh', 'en'] as const).map((l) => ({ key: l, label: <span data-testid={`export-pdf-${l}`}>{t(`mon.pdf.${l}`)}</span> })), onClick: ({ key }) => pdf(key as ReportLang) }}
        >
          <Button icon={<DownOutlined />} aria-label={t('mon.pdfLang')} data-testid="export-pdf-lang" />
        </Dropdown>
      </Space.Compact>
    </>
  );
}

import { Card, Descriptions, Flex, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { ImportCard } from './import-card.tsx';
import { MonitoringChart } from './monitoring-chart.tsx';
import { trendOption } from './monitoring-charts.ts';
import { useIndicators, useIndicatorSeries } from './use-monitoring.ts';

export function IndicatorsTab() {
  const { lang, t } = useLanguage();
  const catalogue = useIndicators();
  const [code, setCode] = useState('rd_intensity');
  const [selected, setSelected] = useState<string[]>([]);
  const series = useIndicatorSeries(code);
  const option = useMemo(() => (series.data ? trendOption(series.data, lang, selected) : null), [series.data, lang, selected]);
  if (catalogue.isPending) return <PageLoading />;
  if (catalogue.isError) return <PageError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const def = catalogue.data.items.find((i) => i.code === code);
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={12} wrap>
          <Select
            data-testid="indicator-select" style={{ minWidth: 320 }} showSearch optionFilterProp="label" value={code} onChange={setCode}
            aria-label={t('mon.indicator')}
            options={catalogue.data.items.map((i) => ({ value: i.code, label: `${name(i)}（${lang === 'en' ? i.unitEn : i.unit}）` }))}
          />
          <Select
            mode="multiple" allowClear style={{ minWidth: 320, flex: 1 }} placeholder={t('mon.regions')} value={selected} onChange={setSelected}
            options={(series.data?.regions ?? []).map((r) => ({ value: r.code, label: name(r) }))}
          />
        </Flex>
        {def && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('mon.definition')}>{lang === 'en' ? def.definitionEn : def.definitionZh}</Descriptions.Item>
            <Descriptions.Item label={t('mon.source')}>{def.source}</Descriptions.Item>
            {def.formula && <Descriptions.Item label="ƒ"><Tag color="blue" data-testid="indicator-formula">{t('mon.formula', { formula: def.formula })}</Tag></Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      <Card title={def ? t('mon.trend', { name: name(def) }) : ''}>
        {series.isPending && <PageLoading />}
        {series.isError && <PageError error={series.error} onRetry={() => void series.refetch()} />}
        {option && <MonitoringChart name="trend" option={option} ariaLabel={def ? t('mon.trend', { name: name(def) }) : ''} height={400} />}
      </Card>
      <ImportCard />
    </Flex>
  );
}

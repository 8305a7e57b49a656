import { Flex, Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { IndexTab } from './index-tab.tsx';
import { IndicatorsTab } from './indicators-tab.tsx';
import { IndustryTab } from './industry-tab.tsx';
import { SensitivityTab } from './sensitivity-tab.tsx';
import { TargetsTab } from './targets-tab.tsx';
import { UnitProfile } from './unit-profile.tsx';
import { WeightsTab } from './weights-tab.tsx';

const TABS = ['indicators', 'targets', 'index', 'sensitivity', 'industry', 'weights'] as const;

/** 监测评价: indicator explorer, target board (editable by the bureau), index ranking with the tile map and unit profiles, sensitivity, industry index, index weights. */
export function MonitoringPage() {
  const { t } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(t('mon.title'));
  const segment = location.pathname.split('/')[2] ?? 'indicators';
  const active = (TABS as readonly string[]).includes(segment) ? segment : 'indicators';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('mon.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/monitoring/${key}`)}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`mon.tab.${key}`)}</span> }))}
      />
      <Routes>
        <Route index element={<IndicatorsTab />} />
        <Route path="indicators" element={<IndicatorsTab />} />
        <Route path="targets" element={<TargetsTab />} />
        <Route path="index" element={<IndexTab />} />
        <Route path="index/:unit" element={<UnitProfile />} />
        <Route path="sensitivity" element={<SensitivityTab />} />
        <Route path="industry" element={<IndustryTab />} />
        <Route path="weights" element={<WeightsTab />} />
      </Routes>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('mon.synthetic')}</Typography.Text>
    </Flex>
  );
}

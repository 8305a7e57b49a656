import { Card, Col, Row, Typography } from 'antd';
import type { Indicator } from '../api/types.ts';
import { formatChange, formatQuantity } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { latestChange } from './overview-model.ts';

/** The latest value of each headline indicator, with its change from the previous observation. */
export function HeadlineFigures({ indicators }: { indicators: (Indicator | undefined)[] }) {
  const { lang, t } = useLanguage();
  const present = indicators.filter((i): i is Indicator => i !== undefined);
  return (
    <Row gutter={[16, 16]}>
      {present.map((indicator) => {
        const latest = latestChange(indicator);
        const name = lang === 'en' ? indicator.nameEn : indicator.nameZh;
        const fmt = (v: number) => formatQuantity(v, indicator.unit, indicator.unitEn, lang);
        const delta = latest && latest.previousValue !== null ? latest.value - latest.previousValue : null;
        return (
          <Col key={indicator.code} xs={24} sm={12} xl={6}>
            <Card size="small" data-testid={`headline-${indicator.code}`}>
              <Typography.Text type="secondary">{name}</Typography.Text>
              <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}>{latest ? fmt(latest.value) : t('state.noData')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {latest && t('overview.latest', { period: latest.period })}
                {latest && delta !== null && latest.previousPeriod !== null && (
                  <>
                    {' · '}
                    {t('overview.vsPrevious', { period: latest.previousPeriod, change: formatChange(delta, indicator.unit, indicator.unitEn, lang) })}
                  </>
                )}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

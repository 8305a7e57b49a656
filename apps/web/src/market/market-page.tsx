import { Alert, Button, Card, Checkbox, Col, Empty, Input, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { formatMoney } from './deals/money.ts';
import { Highlighted } from './highlighted.tsx';
import { ListingPage } from './listing-page.tsx';
import { LiveFeed } from './live-feed.tsx';
import { NegotiationPage } from './negotiation-page.tsx';
import { useSearch, type SearchHit, type SearchResult } from './market-api.ts';
import { EMPTY_SEARCH, facetLabel, toggleFilter, type FacetName, type SearchState } from './search-model.ts';

/** 科技大市场: search with facets and a live feed; listing pages below /market/listings/:id. */
export function MarketPage() {
  return (
    <Routes>
      <Route index element={<MarketHome />} />
      <Route path="listings/:id" element={<ListingPage />} />
      <Route path="negotiations/:id" element={<NegotiationPage />} />
    </Routes>
  );
}

const FACETS: FacetName[] = ['kind', 'field', 'trl', 'priceBand', 'district'];

function MarketHome() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('market.title'));
  const [text, setText] = useState('');
  const [state, setState] = useState<SearchState>(EMPTY_SEARCH);
  const [cursor, setCursor] = useState<string | null>(null);
  const [pages, setPages] = useState<SearchResult[]>([]);
  const search = useSearch(state, cursor);
  useEffect(() => {
    if (search.data) setPages((p) => (cursor === null ? [search.data] : p.some((x) => x === search.data) ? p : [...p, search.data]));
  }, [search.data, cursor]);
  const first = pages[0];
  const hits = pages.flatMap((p) => p.hits);
  const last = pages.at(-1);
  const update = (next: SearchState) => { setState(next); setCursor(null); setPages([]); };
  const names = first?.regionNames ?? {};
  const districtNames = Object.fromEntries(Object.entries(names).map(([code, n]) => [code, lang === 'en' ? n.en : n.zh]));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 0 }}>{t('market.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('market.subtitle')}</Typography.Paragraph>
      <Input.Search data-testid="market-search" aria-label={t('market.search.button')} placeholder={t('market.search.placeholder')} enterButton={t('market.search.button')}
        size="large" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} onSearch={(v) => update({ ...state, q: v })} allowClear />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={6}>
          {first?.facets && FACETS.map((facet) => (
            <Card key={facet} size="small" title={t(`market.facet.${facet}` as MessageKey)} style={{ marginBottom: 8 }} data-testid={`facet-${facet}`}>
              {first.facets![facet].slice(0, 12).map((f) => {
                const label = facetLabel(facet, f.value, districtNames);
                return (
                  <div key={f.value}>
                    <Checkbox checked={state.filters[facet]?.includes(f.value) ?? false} onChange={() => update(toggleFilter(state, facet, f.value))}>
                      {'text' in label ? label.text : t(label.key, label.params)} <Typography.Text type="secondary">({f.count})</Typography.Text>
                    </Checkbox>
                  </div>
                );
              })}
            </Card>
          ))}
          {Object.values(state.filters).some((v) => v && v.length > 0) && <Button onClick={() => update({ ...state, filters: {} })}>{t('market.facet.clear')}</Button>}
        </Col>
        <Col xs={24} md={12}>
          {search.isError && <Alert type="error" showIcon data-testid="search-error" message={errorMessage(search.error, lang, t)} />}
          {first && (
            <Typography.Paragraph data-testid="search-total">
              {first.totalCapped ? t('market.results.capped', { total: first.total.toLocaleString() }) : t('market.results', { total: first.total.toLocaleString() })}
            </Typography.Paragraph>
          )}
          {first && (first.mode === 'any' || first.mode === 'fuzzy') && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t(`market.mode.${first.mode}`)} />}
          {search.isLoading && pages.length === 0 && <Spin data-testid="page-loading" />}
          {first && hits.length === 0 && <Empty description={t('market.results.empty')} />}
          <List dataSource={hits} data-testid="search-results" renderItem={(hit) => <HitItem hit={hit} districtNames={districtNames} />} />
          {last?.nextCursor && <Button block onClick={() => setCursor(last.nextCursor)} loading={search.isFetching}>{t('market.more')}</Button>}
        </Col>
        <Col xs={24} md={6}><LiveFeed /></Col>
      </Row>
    </>
  );
}

function HitItem({ hit, districtNames }: { hit: SearchHit; districtNames: Record<string, string> }) {
  const { lang, t } = useLanguage();
  const price = hit.kind === 'achievement'
    ? (hit.priceFen === null ? t('market.price.negotiable') : formatMoney(hit.priceFen, lang))
    : (hit.budgetMaxFen === null ? t('market.price.negotiable') : t('market.budget', { amount: formatMoney(hit.budgetMaxFen, lang) }));
  return (
    <List.Item data-testid="search-hit" data-id={hit.id}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Link to={`/market/listings/${hit.id}`} style={{ fontSize: 16 }}><Highlighted segments={hit.highlights.title} /></Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}><Highlighted segments={hit.highlights.summary} /></Typography.Text>
        <Space size={4} wrap>
          <Tag color={hit.kind === 'achievement' ? 'blue' : 'orange'}>{t(`market.kind.${hit.kind}` as MessageKey)}</Tag>
          <Tag>{hit.field}</Tag>
          {hit.trl !== null && <Tag>{t('market.trl', { trl: String(hit.trl) })}</Tag>}
          <Tag color="green">{price}</Tag>
          {hit.districtCode && <Tag>{districtNames[hit.districtCode] ?? hit.districtCode}</Tag>}
        </Space>
      </Space>
    </List.Item>
  );
}

import { Alert, Button, Card, Col, Descriptions, Flex, Input, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import { useCurrentUser } from '../auth/current-user.ts';
import { EnterprisePools } from '../cultivation/enterprise-pools.tsx';
import { formatNumber } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { ImportCard } from './import-card.tsx';
import { LadderTab } from './ladder-tab.tsx';
import { CLUSTER_NAMES } from './messages.ts';
import { download, fenToWan, useEnterprise, useEnterprises, type EnterpriseListItem, type FiscalYear } from './registry-api.ts';
import { FiscalYearDialog } from './fiscal-year-dialog.tsx';
import { ProfileDialog } from './profile-dialog.tsx';
import { SelfAssessment } from './self-assessment.tsx';
import { TECH_FIELD_NAMES } from './edit-messages.ts';

const TIERS = ['tech-sme', 'innovative-sme', 'hnte', 'specialized-sme', 'little-giant'];
const BUREAU = ['bureau_admin', 'bureau_staff'];

/** 企业名录: the list (bureau) or the user's own enterprise, and each enterprise's page. */
export function RegistryPage() {
  return (
    <Routes>
      <Route index element={<RegistryHome />} />
      <Route path=":id" element={<EnterprisePage />} />
    </Routes>
  );
}

function RegistryHome() {
  const me = useCurrentUser();
  if (me.role === 'enterprise_user' && me.organisation) return <Navigate to={`/registry/${me.organisation.id}`} replace />;
  return <EnterpriseList />;
}

function useWan() {
  const { lang } = useLanguage();
  return (fen: string | null) => {
    const wan = fenToWan(fen);
    if (wan === null) return '—';
    return lang === 'en' ? `CNY ${formatNumber(wan / 100, lang, 2)} m` : `${formatNumber(wan, lang, 2)} 万元`;
  };
}

function EnterpriseList() {
  const { lang, t } = useLanguage();
  useDocumentTitle(t('reg.title'));
  const [q, setQ] = useState('');
  const [cluster, setCluster] = useState<string | undefined>();
  const [tier, setTier] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useEnterprises({ q, cluster, tier, limit: 20, offset: (page - 1) * 20 });
  const wan = useWan();
  const clusterName = (c: string | null) => (c ? (lang === 'en' ? CLUSTER_NAMES[c]?.en : CLUSTER_NAMES[c]?.zh) ?? c : '—');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('reg.title')}</Typography.Title>
      <ImportCard />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search placeholder={t('reg.search')} allowClear style={{ width: 260 }} onSearch={(v) => { setQ(v); setPage(1); }} data-testid="registry-search" />
          <Select allowClear placeholder={t('reg.cluster')} style={{ width: 180 }} value={cluster} onChange={(v) => { setCluster(v); setPage(1); }}
            options={Object.keys(CLUSTER_NAMES).map((c) => ({ value: c, label: clusterName(c) }))} />
          <Select allowClear placeholder={t('reg.tier')} style={{ width: 200 }} value={tier} onChange={(v) => { setTier(v); setPage(1); }}
            options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}` as MessageKey) }))} />
          <Button onClick={() => void download(`/registry/export?format=xlsx${cluster ? `&cluster=${cluster}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`, '企业名录.xlsx')}>{t('reg.export')}</Button>
        </Flex>
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<EnterpriseListItem>
            size="small" rowKey="id" loading={list.isPending} dataSource={list.data?.items} data-testid="registry-table"
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('reg.total', { n }) }}
            columns={[
              { title: t('reg.col.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/registry/${r.id}`}>{name}</Link> },
              { title: t('reg.col.uscc'), dataIndex: 'uscc', width: 190 },
              { title: t('reg.col.cluster'), dataIndex: 'cluster', width: 140, render: clusterName },
              { title: t('reg.col.year'), dataIndex: 'latestYear', width: 90 },
              { title: t('reg.col.employees'), dataIndex: 'employees', width: 80 },
              { title: t('reg.col.sales'), dataIndex: 'salesRevenueFen', width: 140, render: wan },
              { title: t('reg.col.certificates'), dataIndex: 'certificates', render: (c: string[]) => c.map((k) => <Tag key={k}>{t(`tier.${k}` as MessageKey)}</Tag>) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}

function EnterprisePage() {
  const { id = '' } = useParams();
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  const rec = useEnterprise(id);
  const wan = useWan();
  const [tab, setTab] = useState('self');
  const [editing, setEditing] = useState<{ kind: 'profile' } | { kind: 'year'; year: FiscalYear | null } | null>(null);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(rec.data?.name ?? t('reg.title'));
  if (rec.isPending) return <PageLoading />;
  if (rec.isError) return <PageError error={rec.error} onRetry={() => void rec.refetch()} />;
  const e = rec.data;
  // The server decides (an enterprise only its own record, staff their region); this only hides buttons others cannot use.
  const isBureau = BUREAU.includes(me.role);
  const canEdit = isBureau || me.role === 'enterprise_user';
  const onSaved = () => { setEditing(null); setSaved(true); };
  const profile = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" extra={canEdit && <Button size="small" onClick={() => setEditing({ kind: 'profile' })} data-testid="profile-edit">{t('edit.profile')}</Button>}>
          <Descriptions column={1} size="small" items={[
            { key: 'uscc', label: t('reg.col.uscc'), children: e.uscc },
            { key: 'district', label: t('reg.profile.district'), children: e.districtCode ?? '—' },
            { key: 'founded', label: t('reg.profile.founded'), children: e.foundedOn ?? '—' },
            { key: 'industry', label: t('reg.profile.industry'), children: e.industryCode ?? '—' },
            { key: 'field', label: t('reg.profile.field'), children: e.techField ? (lang === 'en' ? TECH_FIELD_NAMES[e.techField]?.en : TECH_FIELD_NAMES[e.techField]?.zh) ?? e.techField : '—' },
            { key: 'cluster', label: t('reg.cluster'), children: e.cluster ? (lang === 'en' ? CLUSTER_NAMES[e.cluster]?.en : CLUSTER_NAMES[e.cluster]?.zh) : '—' },
          ]} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('reg.cert.title')}>
          <Flex gap={8} wrap>
            {e.certificates.map((c) => <Tag key={c.id}>{t(`tier.${c.kind}` as MessageKey)} · {t('reg.cert.until', { date: c.validUntil })}</Tag>)}
          </Flex>
        </Card>
        <Card size="small" title={t('reg.ip.title')} style={{ marginTop: 16 }}>
          <Flex gap={8} wrap>{e.ip.map((x) => <Tag key={`${x.kind}-${x.status}-${x.acquisition}`}>{x.kind}: {x.count}</Tag>)}</Flex>
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('reg.fy.title')}
          extra={canEdit && <Button size="small" onClick={() => setEditing({ kind: 'year', year: null })} data-testid="fy-add">{t('edit.fy.add')}</Button>}>
          <Table<FiscalYear> size="small" rowKey="year" pagination={false} dataSource={e.fiscalYears} data-testid="fy-table" columns={[
            { title: t('reg.fy.year'), dataIndex: 'year', width: 80 },
            { title: t('reg.fy.sales'), dataIndex: 'salesRevenueFen', render: wan },
            { title: t('reg.fy.rd'), dataIndex: 'rdExpenseFen', render: wan },
            { title: t('reg.fy.assets'), dataIndex: 'totalAssetsFen', render: wan },
            { title: t('reg.fy.employees'), dataIndex: 'employees' },
            { title: t('reg.fy.science'), dataIndex: 'scienceStaff' },
            ...(canEdit ? [{ title: '', width: 80, render: (_: unknown, y: FiscalYear) => (
              <Button size="small" type="link" onClick={() => setEditing({ kind: 'year', year: y })} data-testid={`fy-edit-${y.year}`}>{t('edit.fy.edit')}</Button>
            ) }] : []),
          ]} />
        </Card>
      </Col>
      {isBureau && <Col span={24}><EnterprisePools enterprise={{ id: e.id, name: e.name }} /></Col>}
      {e.platforms.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('reg.platforms.title')}>
            {e.platforms.map((p) => <Tag key={p.id}>{p.name} · {t(`level.${p.level}` as MessageKey)}</Tag>)}
          </Card>
        </Col>
      )}
    </Row>
  );
  return (
    <Flex vertical gap={12}>
      {me.role !== 'enterprise_user' && <Link to="/registry">← {t('reg.back')}</Link>}
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="enterprise-name">{e.name}</Typography.Title>
      {saved && (
        <Alert type="success" showIcon closable onClose={() => setSaved(false)} title={t('edit.saved')} data-testid="edit-saved"
          action={<Button size="small" onClick={() => { setTab('self'); setSaved(false); }}>{t('reg.tab.self')}</Button>} />
      )}
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'self', label: t('reg.tab.self'), children: <SelfAssessment id={id} /> },
        { key: 'profile', label: t('reg.tab.profile'), children: profile },
        { key: 'ladder', label: t('reg.tab.ladder'), children: <LadderTab id={id} /> },
      ]} />
      <ProfileDialog record={e} open={editing?.kind === 'profile'} onClose={() => setEditing(null)} onSaved={onSaved} />
      <FiscalYearDialog enterpriseId={e.id} stored={editing?.kind === 'year' ? editing.year : null} open={editing?.kind === 'year'}
        existingYears={e.fiscalYears.map((y) => y.year)} onClose={() => setEditing(null)} onSaved={onSaved} />
    </Flex>
  );
}

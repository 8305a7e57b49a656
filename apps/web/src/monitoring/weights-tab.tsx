import { Alert, Button, Card, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/error-message.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { formatRatio } from '../format/quantity.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PageError, PageLoading } from '../states/page-states.tsx';
import { changedWeights, weightProblems, weightTree, type WeightNode } from './monitoring-forms.ts';
import type { Framework, FrameworkMetaRow } from './monitoring-types.ts';
import { useFrameworks, useSaveWeights } from './use-monitoring.ts';

/** Weights of each composite framework: bureau staff edit them (audited, versioned); experts read them. */
export function WeightsTab() {
  const { t } = useLanguage();
  const frameworks = useFrameworks();
  if (frameworks.isPending) return <PageLoading />;
  if (frameworks.isError) return <PageError error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  const composite = frameworks.data.items.filter((f) => f.kind === 'composite' && Array.isArray(f.definition.meta));
  if (composite.length === 0) return <Typography.Text>{t('mon.weights.none')}</Typography.Text>;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('mon.weights.help')}</Typography.Paragraph>
      {composite.map((f) => <FrameworkWeights key={f.code} framework={f} meta={f.definition.meta!} />)}
    </Flex>
  );
}

function FrameworkWeights({ framework, meta }: { framework: Framework; meta: FrameworkMetaRow[] }) {
  const { lang, t } = useLanguage();
  const me = useCurrentUser();
  const bureau = me.role === 'bureau_admin' || me.role === 'bureau_staff';
  const [edited, setEdited] = useState<Record<string, number | null>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const save = useSaveWeights(framework.code);
  const tree = useMemo(() => weightTree(meta, edited), [meta, edited]);
  const problems = weightProblems(meta, edited);
  const changes = changedWeights(meta, edited);
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  const byCode = new Map(meta.map((m) => [m.iCode, m]));
  return (
    <Card title={t('mon.weights.title', { name: name(framework), version: framework.version })} data-testid={`weights-${framework.code}`}>
      <Flex vertical gap={12}>
        {!bureau && <Alert type="info" showIcon title={t('mon.weights.readOnly')} />}
        {problems.map((p) => (
          <Alert key={`${p.iCode}:${p.kind}`} type="warning" showIcon role="alert" title={t(`mon.problem.${p.kind}`, { name: name(byCode.get(p.iCode) ?? { nameZh: p.iCode, nameEn: p.iCode }) })} />
        ))}
        {save.isError && <Alert type="error" showIcon role="alert" data-testid="weights-error" title={errorMessage(save.error, lang, t)} />}
        {saved !== null && <Alert type="success" showIcon data-testid="weights-saved" title={t('mon.weights.saved', { version: saved })} />}
        <Table<WeightNode>
          size="small" pagination={false} rowKey="key" dataSource={tree} expandable={{ defaultExpandAllRows: true }}
          columns={[
            { title: t('mon.col.node'), render: (_, n) => <span>{name(n)} {n.type === 'Aggregate' && <Tag>{n.iCode}</Tag>}</span> },
            {
              title: t('mon.col.weight'), width: 160,
              render: (_, n) => (
                <InputNumber
                  size="small" step={0.05} value={n.weight} disabled={!bureau} aria-label={`${t('mon.col.weight')} ${name(n)}`} data-testid={`weight-${n.iCode}`}
                  status={problems.some((p) => p.iCode === n.iCode) ? 'error' : undefined}
                  onChange={(v) => { setSaved(null); setEdited((e) => ({ ...e, [n.iCode]: typeof v === 'number' ? v : null })); }}
                />
              ),
            },
            { title: t('mon.col.share'), width: 140, render: (_, n) => (n.share === null ? '—' : formatRatio(n.share, lang, 1)) },
          ]}
        />
        {bureau && (
          <Flex gap={8}>
            <Button
              type="primary" data-testid={`weights-save-${framework.code}`} loading={save.isPending}
              disabled={problems.length > 0 || Object.keys(changes).length === 0}
              onClick={() => save.mutate(changes, { onSuccess: (r) => { setSaved(r.version); setEdited({}); } })}
            >
              {t('mon.save')}
            </Button>
            <Button disabled={Object.keys(edited).length === 0} onClick={() => { setEdited({}); save.reset(); }}>{t('mon.reset')}</Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** Sales plans: versions per year (初版 / 调整) with the monthly plans and their roll-ups to areas and customers; approval locks. */
import { useState } from 'react';
import { App, Alert, Button, Card, Col, Descriptions, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import type { ApiError } from '../../../lib/api';
import { formatDateTime, formatFen, formatWanfang, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { plansApi, useApprove, usePlansMutation, useVersion, useVersions, type VersionRow } from '../api';
import { VersionForm } from '../components/VersionForm';
import { AreaAllocation } from '../components/AreaAllocation';
import { CustomerAllocation } from '../components/CustomerAllocation';
import { areaName } from '@common/regions';

const STATUS_COLOR = { draft: 'processing', approved: 'green', superseded: 'default' } as const;

function Detail({ id, onSelect }: { id: number; onSelect: (id: number) => void }) {
  const { t, i18n } = useTranslation(NS);
  const { message } = App.useApp();
  const canApprove = useCan('plans:approve');
  const v = useVersion(id);
  const approve = useApprove();
  const adopt = usePlansMutation((id: number) => plansApi.adoptProposals(id));
  const [dialog, setDialog] = useState<'edit' | 'areas' | 'customers' | 'adjust' | null>(null);
  if (v.isLoading) return <Loading />;
  if (v.isError) return <ErrorState error={v.error} onRetry={() => void v.refetch()} />;
  const d = v.data!;
  const areas = [...new Set(d.areas.map((a) => a.area))];
  return (
    <Card
      size="small"
      title={`${d.year} · ${t(`kind.${d.kind}`)} #${d.seq}`}
      extra={
        canApprove &&
        (d.status === 'draft' ? (
          <Space wrap size={4}>
            <Button size="small" onClick={() => setDialog('edit')}>
              {t('a.edit')}
            </Button>
            <Button size="small" onClick={() => setDialog('areas')}>
              {t('form.areas')}
            </Button>
            <Button size="small" onClick={() => setDialog('customers')}>
              {t('form.customers')}
            </Button>
            <Button
              size="small"
              loading={adopt.isPending}
              onClick={() =>
                adopt
                  .mutateAsync(d.id)
                  .then(() => message.success(t('form.adopted')))
                  .catch((e: ApiError) => message.error(e.message))
              }
            >
              {t('form.adopt')}
            </Button>
            <Button
              type="primary"
              size="small"
              loading={approve.isPending}
              onClick={() =>
                approve
                  .mutateAsync(d.id)
                  .then(() => message.success(t('msg.approved')))
                  .catch((e: ApiError) => message.error(e.message))
              }
            >
              {t('a.approve')}
            </Button>
          </Space>
        ) : (
          <Space size={4}>
            <Tooltip title={t('form.lockedHint')}>
              <Tag icon={<LockOutlined />}>{t('form.locked')}</Tag>
            </Tooltip>
            {d.status === 'approved' && (
              <Button size="small" onClick={() => setDialog('adjust')}>
                {t('form.newAdjusted')}
              </Button>
            )}
          </Space>
        ))
      }
    >
      {d.deviationFlag && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('msg.flagged')} description={paren(d.deviationNote ?? '', formatWanfang(d.monthsDiffM3))} />}
      {d.areaGaps.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`${t('f.gaps')}: ${d.areaGaps.map((g) => g.month).join(', ')}`} />}
      <Descriptions size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={t('f.target')}>{formatWanfang(d.targetVolumeM3)}</Descriptions.Item>
        <Descriptions.Item label={t('f.monthsSum')}>{formatWanfang(d.monthsSumM3)}</Descriptions.Item>
        <Descriptions.Item label={t('f.revenue')}>{formatFen(d.targetRevenueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('f.customerCount')}>{d.customerCount}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={d.months}
        columns={[
          { title: t('f.month'), dataIndex: 'month' },
          { title: t('f.plan'), dataIndex: 'volumeM3', align: 'right', render: (x) => formatWanfang(x) },
          ...areas.map((a) => ({
            title: areaName(a, i18n.language),
            key: a,
            align: 'right' as const,
            render: (_: unknown, m: { month: number }) => formatWanfang(d.areas.find((x) => x.month === m.month && x.area === a)?.volumeM3 ?? null),
          })),
          { title: t('f.areas'), dataIndex: 'areasM3', align: 'right', render: (x: string, m) => <span style={{ color: x === m.volumeM3 ? undefined : '#cf1322' }}>{formatWanfang(x)}</span> },
          { title: t('f.customers'), dataIndex: 'customersM3', align: 'right', render: (x) => formatWanfang(x) },
          { title: t('f.revenue'), dataIndex: 'revenueFen', align: 'right', render: (x) => formatFen(x) },
        ]}
      />
      <VersionForm
        open={dialog === 'edit' || dialog === 'adjust'}
        edit={dialog === 'edit' ? d : undefined}
        base={dialog === 'adjust' ? d : undefined}
        year={d.year}
        onClose={(id) => {
          setDialog(null);
          if (id) onSelect(id);
        }}
      />
      {dialog === 'areas' && <AreaAllocation open version={d} onClose={() => setDialog(null)} />}
      {dialog === 'customers' && <CustomerAllocation open version={d} onClose={() => setDialog(null)} />}
    </Card>
  );
}

export default function VersionsPage() {
  const { t } = useTranslation(NS);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const list = useVersions(year);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const canApprove = useCan('plans:approve');
  const current = selected ?? list.data?.find((v) => v.status === 'approved')?.id ?? list.data?.[0]?.id ?? null;
  return (
    <PageContainer
      title={t('menu.versions')}
      extra={
        <Space>
          {canApprove && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-version">
              {t('form.newVersion')}
            </Button>
          )}
          <Select
            allowClear
            placeholder={t('f.year')}
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
          />
        </Space>
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Row gutter={12}>
          <Col xs={24} xl={8}>
            <Table<VersionRow>
              size="small"
              rowKey="id"
              loading={list.isLoading}
              dataSource={list.data}
              pagination={{ pageSize: 10 }}
              onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer', background: r.id === current ? '#e6f4ff' : undefined } })}
              columns={[
                { title: t('f.year'), dataIndex: 'year' },
                {
                  title: t('f.version'),
                  key: 'v',
                  render: (_, r) => (
                    // one line: "调整 #2 Δ" was squeezed to a character per line beside the wide columns
                    <Space size={4} style={{ whiteSpace: 'nowrap' }} data-testid="plan-version-name">
                      {t(`kind.${r.kind}`)} #{r.seq}
                      {r.deviationFlag && <Tag color="orange">Δ</Tag>}
                    </Space>
                  ),
                },
                { title: t('f.target'), dataIndex: 'targetVolumeM3', align: 'right', render: (x) => formatWanfang(x) },
                {
                  title: t('f.approvedAt'),
                  key: 's',
                  render: (_, r) => (
                    <Tag color={STATUS_COLOR[r.status]}>
                      {t(`status.${r.status}`)}
                      {r.approvedAt ? ` ${formatDateTime(r.approvedAt).slice(0, 10)}` : ''}
                    </Tag>
                  ),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={16}>
            {current != null && <Detail id={current} onSelect={setSelected} />}
          </Col>
        </Row>
      )}
      <VersionForm
        open={creating}
        year={year ?? thisYear + 1}
        onClose={(id) => {
          setCreating(false);
          if (id) setSelected(id);
        }}
      />
    </PageContainer>
  );
}

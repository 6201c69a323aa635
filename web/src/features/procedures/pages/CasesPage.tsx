/** Case list: filters (status, step, manager, region, customer), server pagination, Excel export. */
import { useState } from 'react';
import { Button, Card, Cascader, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDate } from '../../../lib/format';
import { useRegions } from '../../../lib/regions';
import { NS } from '../i18n';
import { proceduresApi, CASE_STATUSES, STEP_KINDS, useCases, useManagers, type CaseFilter, type CaseRow } from '../api';
import { CaseStatusTag, LevelTag, StepLabel, StepStatusTag } from '../components/tags';
import { OpenCaseDialog } from '../components/dialogs';
import { SavedFilters } from '../../saved-filters/SavedFilters';

export function CasesTable({ filter, onPage, showCustomer = true }: { filter: CaseFilter; onPage: (page: number, pageSize: number) => void; showCustomer?: boolean }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const q = useCases(filter);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<CaseRow>
      size="small"
      rowKey="id"
      loading={q.isFetching}
      dataSource={q.data?.items}
      locale={{ emptyText: t('msg.noCases') }}
      scroll={{ x: 1000 }}
      pagination={{ current: filter.page, pageSize: filter.pageSize, total: q.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => tc('fields.total', { count: n }), onChange: onPage }}
      columns={[
        { title: t('f.case'), dataIndex: 'id', width: 80, render: (id) => <Link to={`/procedures/${id}`}>#{id}</Link> },
        ...(showCustomer
          ? [
              {
                title: t('f.customer'),
                key: 'c',
                render: (_: unknown, r: CaseRow) => (
                  <Space size={4}>
                    {r.customer.name}
                    {r.customer.servesResidents && <Tag color="magenta">{t('f.residents')}</Tag>}
                  </Space>
                ),
              },
              { title: t('f.region'), key: 'r', render: (_: unknown, r: CaseRow) => regions.short({ city: r.customer.city, county: r.customer.county }) },
            ]
          : []),
        { title: t('f.status'), dataIndex: 'status', render: (s) => <CaseStatusTag status={s} /> },
        { title: t('f.step'), dataIndex: 'currentStep', render: (k) => <StepLabel kind={k} /> },
        {
          title: t('f.pending'),
          key: 'p',
          render: (_, r) =>
            r.pending ? (
              <Space size={4}>
                <StepLabel kind={r.pending.kind} />
                <StepStatusTag status={r.pending.status} />
              </Space>
            ) : (
              '—'
            ),
        },
        { title: t('f.level'), dataIndex: 'level', render: (l) => <LevelTag level={l} /> },
        { title: t('f.manager'), dataIndex: 'manager', render: (m) => m ?? '—' },
        {
          title: t('f.openedAt'),
          dataIndex: 'openedAt',
          render: (v, r) => (
            <Space size={4}>
              {formatDate(v)}
              <Typography.Text type="secondary">{t(`via.${r.openedVia}`)}</Typography.Text>
            </Space>
          ),
        },
        { title: t('f.closedAt'), dataIndex: 'closedAt', render: formatDate },
      ]}
    />
  );
}

interface FilterForm {
  status?: CaseFilter['status'];
  step?: CaseFilter['step'];
  managerId?: number;
  region?: string[];
  q?: string;
}

export default function CasesPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const canWrite = useCan('procedures:write');
  const managers = useManagers();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<CaseFilter>({ status: 'active', page: 1, pageSize: 20 });
  const [openDialog, setOpenDialog] = useState(false);
  const apply = (v: FilterForm) =>
    setFilter({
      status: v.status,
      step: v.step,
      managerId: v.managerId,
      region: v.region?.length ? v.region[v.region.length - 1] : undefined,
      q: v.q?.trim() || undefined,
      page: 1,
      pageSize: filter.pageSize,
    });
  const { page: _p, pageSize: _s, ...exportQuery } = filter;
  return (
    <PageContainer
      title={t('menu.cases')}
      extra={
        <>
          <Button onClick={() => void proceduresApi.exportCases({ ...exportQuery })}>{tc('actions.export')}</Button>
          {canWrite && (
            <Button type="primary" onClick={() => setOpenDialog(true)}>
              {t('a.open')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline" initialValues={{ status: 'active' }} onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="status" label={t('f.status')}>
            <Select allowClear style={{ width: 130 }} options={['active', ...CASE_STATUSES].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="step" label={t('f.step')}>
            <Select allowClear style={{ width: 130 }} options={STEP_KINDS.map((s) => ({ value: s, label: t(`step.${s}`) }))} />
          </Form.Item>
          <Form.Item name="managerId" label={t('f.manager')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 140 }} loading={managers.isLoading} options={managers.data?.map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
          <Form.Item name="region" label={t('f.region')}>
            <Cascader changeOnSelect options={regions.options} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('f.keyword')} style={{ width: 180 }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {tc('actions.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({ status: 'active' });
              }}
            >
              {tc('actions.reset')}
            </Button>
            <SavedFilters
              list="procedure-cases"
              current={() => {
                const v = form.getFieldsValue();
                return { status: v.status ?? null, step: v.step ?? null, managerId: v.managerId ?? null, region: v.region ?? [], q: v.q?.trim() || null };
              }}
              onApply={(saved) => {
                const v: FilterForm = {
                  status: (saved.status ?? undefined) as FilterForm['status'],
                  step: (saved.step ?? undefined) as FilterForm['step'],
                  managerId: typeof saved.managerId === 'number' ? saved.managerId : undefined,
                  region: Array.isArray(saved.region) ? saved.region.map(String) : undefined,
                  q: typeof saved.q === 'string' ? saved.q : undefined,
                };
                form.resetFields();
                form.setFieldsValue(v);
                apply(v);
              }}
            />
          </Space>
        </Form>
      </Card>
      <CasesTable filter={filter} onPage={(page, pageSize) => setFilter({ ...filter, page, pageSize })} />
      {canWrite && <OpenCaseDialog open={openDialog} onClose={() => setOpenDialog(false)} />}
    </PageContainer>
  );
}

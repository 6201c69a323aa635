/** Customer list: filter bar, server-side paged and sorted table, Excel export and import. */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Cascader, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, CUSTOMER_STATUS_LABELS, CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS } from '@common/customers';
import { useRegions } from '../../../lib/regions';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { customersApi, useCustomers, useStaff, useTags, type CustomerFilter, type CustomerListItem } from '../api';
import { StatusTag, TypeTag, useExchangeLabel, useLbl, useRegionText } from '../labels';
import { CustomerFormDrawer } from '../components/CustomerFormDrawer';
import { ImportDialog } from '../components/ImportDialog';
import { BulkBar, type Picked } from '../components/BulkBar';
import { SavedFilters } from '../../saved-filters/SavedFilters';

/** URL parameters that are filters (saved with a saved filter); paging is not. */
const FILTER_KEYS = ['q', 'type', 'status', 'province', 'city', 'county', 'managerId', 'tag', 'sort', 'order'] as const;
const ARRAY_KEYS = new Set<string>(['type', 'status', 'tag']);

function readFilter(sp: URLSearchParams): CustomerFilter & { page: number; pageSize: number } {
  const num = (k: string, d: number) => (sp.get(k) ? Number(sp.get(k)) || d : d);
  return {
    q: sp.get('q') ?? undefined,
    type: sp.getAll('type') as CustomerFilter['type'],
    status: sp.getAll('status') as CustomerFilter['status'],
    province: sp.get('province') ?? undefined,
    city: sp.get('city') ?? undefined,
    county: sp.get('county') ?? undefined,
    managerId: sp.get('managerId') ? Number(sp.get('managerId')) : undefined,
    tag: sp.getAll('tag'),
    sort: (sp.get('sort') ?? 'code') as CustomerFilter['sort'],
    order: (sp.get('order') as 'asc' | 'desc') ?? 'asc',
    page: num('page', 1),
    pageSize: num('pageSize', 20),
  };
}

export default function CustomerListPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const regionText = useRegionText();
  const regionOptions = useRegions().options;
  const exchange = useExchangeLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const f = useMemo(() => readFilter(sp), [sp]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  // selection across pages: the ids and what the bulk bar shows of them
  const [picked, setPicked] = useState<Map<number, Picked>>(new Map());
  const canWrite = useCan('customers:write');
  const canAssign = useCan('customers:assign');
  const list = useCustomers(f);
  const staff = useStaff();
  const tags = useTags();

  const set = (patch: Partial<Record<string, string | number | string[] | undefined>>, resetPage = true) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
      else if (v !== undefined && v !== '') next.set(k, String(v));
    }
    if (resetPage && !('page' in patch)) next.delete('page');
    setSp(next, { replace: true });
  };
  const { page, pageSize, ...filter } = f;
  const managers = (staff.data ?? []).filter((u) => u.roles.includes('account_manager') || u.roles.includes('part_time_manager'));

  const doExport = async () => {
    setExporting(true);
    try {
      await customersApi.exportList(filter);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const currentFilters = () => {
    const out: Record<string, string | string[]> = {};
    for (const k of FILTER_KEYS) {
      const v = sp.getAll(k);
      if (v.length) out[k] = ARRAY_KEYS.has(k) ? v : v[0];
    }
    return out;
  };
  const applyFilters = (saved: Record<string, unknown>) => {
    const next = new URLSearchParams();
    if (sp.get('pageSize')) next.set('pageSize', sp.get('pageSize')!);
    for (const k of FILTER_KEYS) {
      const v = saved[k];
      if (Array.isArray(v)) v.forEach((x) => next.append(k, String(x)));
      else if (v != null && v !== '') next.set(k, String(v));
    }
    setSp(next, { replace: true });
  };

  const sortOrder = (key: string) => (f.sort === key ? (f.order === 'desc' ? 'descend' : 'ascend') : null);

  return (
    <PageContainer
      title={t('menu.customers')}
      extra={
        <>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
              {t('a.create')}
            </Button>
          )}
          {canAssign && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('a.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="customer-export">
            {t('a.export')}
          </Button>
        </>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search key={f.q ?? ''} allowClear defaultValue={f.q} placeholder={t('f.search')} onSearch={(q) => set({ q })} style={{ width: 300 }} data-testid="customer-search" />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('f.type')}
          value={f.type}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          options={CUSTOMER_TYPES.map((x) => ({ value: x, label: l(CUSTOMER_TYPE_LABELS[x]) }))}
          onChange={(v) => set({ type: v })}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('f.status')}
          value={f.status}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          options={CUSTOMER_STATUSES.map((x) => ({ value: x, label: l(CUSTOMER_STATUS_LABELS[x]) }))}
          onChange={(v) => set({ status: v })}
        />
        <Cascader
          changeOnSelect
          showSearch
          placeholder={t('f.region')}
          options={regionOptions}
          value={[f.province, f.city, f.county].filter(Boolean) as string[]}
          onChange={(v) => set({ province: v?.[0] as string, city: v?.[1] as string, county: v?.[2] as string })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('f.manager')}
          value={f.managerId}
          style={{ width: 140 }}
          options={managers.map((u) => ({ value: u.id, label: u.displayName }))}
          onChange={(v) => set({ managerId: v })}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('f.tags')}
          value={f.tag}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
          onChange={(v) => set({ tag: v })}
        />
        <Button onClick={() => setSp(new URLSearchParams(), { replace: true })}>{tc('actions.reset')}</Button>
        <SavedFilters list="customers" current={currentFilters} onApply={applyFilters} />
      </Space>
      <BulkBar picked={[...picked.values()]} onClear={() => setPicked(new Map())} />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CustomerListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1200 }}
          data-testid="customer-table"
          rowSelection={{
            selectedRowKeys: [...picked.keys()],
            preserveSelectedRowKeys: true,
            fixed: 'left',
            onChange: (keys) => {
              const rows = new Map((list.data?.items ?? []).map((r) => [r.id, r]));
              const next = new Map<number, Picked>();
              for (const k of keys as number[]) {
                const r = picked.get(k) ?? rows.get(k);
                if (r) next.set(k, { id: r.id, code: r.code, name: r.name });
              }
              setPicked(next);
            },
          }}
          onChange={(p, _f, s) => {
            const sorter = s as SorterResult<CustomerListItem>;
            const sort = sorter.order ? String(sorter.columnKey) : 'code';
            const order = sorter.order === 'descend' ? 'desc' : 'asc';
            const sortChanged = sort !== f.sort || order !== f.order;
            set({ page: sortChanged ? 1 : p.current, pageSize: p.pageSize, sort, order }, false);
          }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => tc('fields.total', { count: n }) }}
          columns={[
            { title: t('f.code'), dataIndex: 'code', key: 'code', width: 100, sorter: true, sortOrder: sortOrder('code'), fixed: 'left' },
            { title: t('f.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name'), width: 260, render: (v, r) => <Link to={`/customers/${r.id}`}>{v}</Link> },
            { title: t('f.type'), dataIndex: 'type', key: 'type', width: 90, sorter: true, sortOrder: sortOrder('type'), render: (v) => <TypeTag type={v} /> },
            { title: t('f.region'), key: 'city', width: 150, sorter: true, sortOrder: sortOrder('city'), render: (_, r) => regionText(r) },
            { title: t('f.status'), dataIndex: 'status', key: 'status', width: 90, sorter: true, sortOrder: sortOrder('status'), render: (v) => <StatusTag status={v} /> },
            { title: t('f.fullTime'), key: 'ft', width: 110, render: (_, r) => r.fullTimeManager?.displayName ?? <Typography.Text type="warning">—</Typography.Text> },
            { title: t('f.partTime'), key: 'pt', width: 110, render: (_, r) => r.partTimeManagers.map((m) => m.displayName).join('、') || '—' },
            { title: t('f.tags'), dataIndex: 'tags', key: 'tags', width: 180, render: (v: string[]) => v.map((x) => <Tag key={x}>{x}</Tag>) },
            { title: t('f.exchangeStatus'), dataIndex: 'exchangeStatus', key: 'exchangeStatus', width: 110, render: (v) => exchange(v) },
            { title: t('f.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: 150, sorter: true, sortOrder: sortOrder('updatedAt'), render: (v) => formatDateTime(v) },
          ]}
        />
      )}
      <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/customers/${c.id}`)} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}

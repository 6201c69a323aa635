/**
 * Allocate a draft version to customers: one row per customer with its operation area and 12
 * monthly volumes; customers are added by search. Saving replaces the version's customer
 * allocations (the server checks areas and customers; the roll-up shows on the version).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Modal, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { VOLUME_RE, sumVolumes } from '@common/plan-volumes';
import type { ApiError } from '../../../lib/api';
import { formatNumber, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { plansApi, useAreas, useCustomerAllocations, useCustomerPick, usePlansMutation, type CustomerAllocation as Row, type VersionDetail } from '../api';
import { areaName } from '@common/regions';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const ok = (v: string) => v.trim() === '' || VOLUME_RE.test(v.trim());

export function CustomerAllocation({ version, open, onClose }: { version: VersionDetail; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const { message } = App.useApp();
  const current = useCustomerAllocations(version.id, open);
  const areas = useAreas();
  const [rows, setRows] = useState<Row[]>([]);
  const [q, setQ] = useState('');
  const pick = useCustomerPick(q, open);
  const save = usePlansMutation((rs: Row[]) =>
    plansApi.setCustomers(version.id, {
      allocations: rs.flatMap((r) =>
        r.months.map((v, i) => ({ customerId: r.customerId, month: i + 1, area: r.area, volumeM3: v.trim() })).filter((a) => a.volumeM3 !== '' && !/^0+(\.0*)?$/.test(a.volumeM3)),
      ),
    }),
  );
  useEffect(() => {
    if (open && current.data) setRows(current.data);
  }, [open, current.data]);

  const set = (id: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.customerId === id ? { ...r, ...patch } : r)));
  const invalid = rows.some((r) => r.months.some((v) => !ok(v)));
  const add = (id: number) => {
    const c = pick.data?.items.find((x) => x.id === id);
    if (!c || rows.some((r) => r.customerId === id)) return;
    setRows((rs) => [...rs, { customerId: c.id, customerCode: c.code, customerName: c.name, area: areas.data?.[0] ?? '', months: MONTHS.map(() => '') }]);
  };
  const submit = async () => {
    try {
      await save.mutateAsync(rows);
      message.success(t('form.saved'));
      onClose();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };

  return (
    <Modal
      open={open}
      width={1280}
      title={`${t('form.customers')} · ${version.year} ${t(`kind.${version.kind}`)} #${version.seq}`}
      onCancel={onClose}
      okText={t('a.save')}
      cancelText={t('a.cancel')}
      okButtonProps={{ disabled: invalid }}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Space style={{ marginBottom: 8 }}>
        <Select
          showSearch
          filterOption={false}
          style={{ width: 320 }}
          placeholder={t('form.searchCustomer')}
          onSearch={setQ}
          value={null}
          onChange={(id: number) => add(id)}
          options={(pick.data?.items ?? []).map((c) => ({ value: c.id, label: paren(c.name, c.code), disabled: rows.some((r) => r.customerId === c.id) }))}
          data-testid="add-customer"
        />
      </Space>
      <Table<Row>
        size="small"
        rowKey="customerId"
        loading={current.isLoading}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: t('form.noCustomers') }}
        columns={[
          { title: t('f.customer'), key: 'c', fixed: 'left' as const, width: 200, render: (_, r) => paren(r.customerName, r.customerCode) },
          {
            title: t('form.area'),
            key: 'area',
            width: 150,
            render: (_, r) => (
              <Select
                size="small"
                style={{ width: 140 }}
                value={r.area}
                onChange={(area: string) => set(r.customerId, { area })}
                options={(areas.data ?? []).map((a) => ({ value: a, label: areaName(a, i18n.language) }))}
              />
            ),
          },
          ...MONTHS.map((m) => ({
            title: t('f.month') + ' ' + m,
            key: `m${m}`,
            width: 110,
            render: (_: unknown, r: Row) => (
              <Input
                size="small"
                inputMode="decimal"
                value={r.months[m - 1] === '0.000' ? '' : r.months[m - 1]}
                status={ok(r.months[m - 1]) ? undefined : 'error'}
                onChange={(e) => set(r.customerId, { months: r.months.map((v, i) => (i === m - 1 ? e.target.value : v)) })}
              />
            ),
          })),
          { title: t('form.total'), key: 'sum', align: 'right' as const, width: 120, render: (_, r) => formatNumber(sumVolumes(r.months), 3) },
          {
            title: '',
            key: 'x',
            width: 70,
            render: (_, r) => (
              <Button size="small" type="link" danger onClick={() => setRows((rs) => rs.filter((x) => x.customerId !== r.customerId))}>
                {t('form.remove')}
              </Button>
            ),
          },
        ]}
      />
      {invalid && <Alert style={{ marginTop: 8 }} type="error" showIcon message={t('form.volumeInvalid')} />}
    </Modal>
  );
}

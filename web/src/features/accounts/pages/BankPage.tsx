/** 银行流水: import a bank statement (CSV/Excel); unmatched lines wait here until assigned to a customer. */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { type BankImportReport, type BankLine, accountsApi, useSave } from '../api';
import { BankImportDialog } from '../components/BankImportDialog';
import { SavedFilters } from '../../saved-filters/SavedFilters';

type Status = 'unmatched' | 'posted' | 'duplicate' | 'ignored' | 'rejected';
type Line = BankLine;
const COLORS: Record<Status, string> = { unmatched: 'gold', posted: 'green', duplicate: 'default', ignored: 'default', rejected: 'red' };

function CustomerPicker({ onPick, testId }: { onPick: (id: number) => void; testId?: string }) {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['customers', 'pick', q], queryFn: () => accountsApi.pickCustomers(q), enabled: q.length > 0 });
  return (
    <Select
      showSearch
      filterOption={false}
      placeholder={t('f.search')}
      style={{ width: 220 }}
      onSearch={setQ}
      loading={list.isFetching}
      options={list.data?.items.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
      onChange={(v: number) => onPick(v)}
      data-testid={testId}
    />
  );
}

export default function BankPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [f, setF] = useState<{ status: Status; page: number; pageSize: number }>({ status: 'unmatched', page: 1, pageSize: 20 });
  const [remember, setRemember] = useState(true);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [selected, setSelected] = useState<number[]>([]);
  const [toOne, setToOne] = useState<number | undefined>();
  const [last, setLast] = useState<null | BankImportReport>(null);
  const q = useQuery({ queryKey: ['accounts', 'bank-lines', f], queryFn: () => accountsApi.bankLines(f), placeholderData: keepPreviousData });
  const [importing, setImporting] = useState(false);
  const assign = useSave((a: { id: number; customerId: number }) => accountsApi.assignBankLine(a.id, { customerId: a.customerId, remember }));
  const ignore = useSave((id: number) => accountsApi.ignoreBankLine(id));
  const bulk = useSave(accountsApi.bulkAssignBankLines);
  const refresh = () => void q.refetch();
  const assignMany = (assignments: { lineId: number; customerId: number }[]) =>
    bulk.mutateAsync({ assignments }).then(
      (r) => (message.success(t('bulk.done', r)), setSelected([]), refresh()),
      (e) => message.error(e.message),
    );
  const withoutCustomer = selected.filter((id) => !picked[id]).length;
  return (
    <PageContainer
      title={t('bank.title')}
      subTitle={t('bank.hint')}
      extra={
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="bank-import">
          {t('bank.import')}
        </Button>
      }
    >
      <BankImportDialog open={importing} onClose={() => setImporting(false)} onImported={(r) => (setLast(r), refresh())} />
      {last && <Alert type="success" showIcon closable style={{ marginBottom: 12 }} onClose={() => setLast(null)} message={t('bank.result', last)} data-testid="bank-import-result" />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={f.status}
          options={(['unmatched', 'posted', 'duplicate', 'rejected', 'ignored'] as Status[]).map((s) => ({ value: s, label: t(`bank.status.${s}`) }))}
          onChange={(v) => (setSelected([]), setF({ ...f, status: v as Status, page: 1 }))}
        />
        <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)}>
          {t('bank.remember')}
        </Checkbox>
        <SavedFilters
          list="bank-lines"
          current={() => ({ status: f.status, pageSize: f.pageSize })}
          onApply={(v) => (setSelected([]), setF({ status: (v.status as Status) ?? 'unmatched', page: 1, pageSize: Number(v.pageSize) || 20 }))}
        />
      </Space>
      {selected.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="bank-bulk-bar"
          message={
            <Space wrap>
              <strong>{t('bulk.selected', { count: selected.length })}</strong>
              <span>{t('bulk.toOne')}</span>
              <CustomerPicker onPick={setToOne} testId="bank-bulk-customer" />
              <Button
                size="small"
                type="primary"
                disabled={!toOne}
                loading={bulk.isPending}
                onClick={() => toOne && assignMany(selected.map((lineId) => ({ lineId, customerId: toOne })))}
                data-testid="bank-bulk-assign"
              >
                {t('bulk.assignToOne')}
              </Button>
              <Button size="small" disabled={withoutCustomer > 0} loading={bulk.isPending} onClick={() => assignMany(selected.map((lineId) => ({ lineId, customerId: picked[lineId] })))}>
                {t('bulk.assignPicked')}
              </Button>
              {withoutCustomer > 0 && <span>{t('bulk.missing', { count: withoutCustomer })}</span>}
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('bulk.clear')}
              </Button>
            </Space>
          }
        />
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={refresh} />
      ) : (
        <Table<Line>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={q.isFetching}
          dataSource={q.data?.items}
          pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, showTotal: (n) => tc('fields.total', { count: n }), onChange: (p, s) => setF({ ...f, page: p, pageSize: s }) }}
          rowSelection={
            f.status === 'unmatched'
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  fixed: 'left',
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (r) => ({ disabled: r.status !== 'unmatched' }),
                }
              : undefined
          }
          columns={[
            { title: t('f.bankRef'), dataIndex: 'bankRef', fixed: 'left', width: 150, ellipsis: true },
            { title: t('f.valueDate'), dataIndex: 'valueDate', width: 110 },
            { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: (v) => formatFen(v) },
            { title: t('f.payerName'), dataIndex: 'payerName', width: 200, ellipsis: true, render: (v) => v ?? '—' },
            { title: t('f.payerAccount'), dataIndex: 'payerAccount', width: 170, render: (v) => v ?? '—' },
            { title: t('f.note'), dataIndex: 'memo', width: 140, ellipsis: true, render: (v) => v ?? '—' },
            {
              title: tc('fields.status'),
              dataIndex: 'status',
              render: (s: Status, r) => (
                <Tag color={COLORS[s]}>
                  {t(`bank.status.${s}`)}
                  {r.reason ? ` · ${t(`bank.reason.${r.reason}`, { defaultValue: r.reason })}` : ''}
                </Tag>
              ),
            },
            { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => (r.customerId ? <Link to={`/customers/${r.customerId}?tab=accounts`}>{v}</Link> : '—') },
            {
              title: tc('fields.actions'),
              key: 'op',
              render: (_, r) =>
                r.status === 'unmatched' ? (
                  <Space>
                    <CustomerPicker onPick={(id) => setPicked({ ...picked, [r.id]: id })} />
                    <Button
                      size="small"
                      type="primary"
                      disabled={!picked[r.id]}
                      onClick={() =>
                        assign.mutateAsync({ id: r.id, customerId: picked[r.id] }).then(
                          (x) => (message.success(t('bank.assigned', { count: x.alsoPosted })), refresh()),
                          (e) => message.error(e.message),
                        )
                      }
                    >
                      {t('bank.assign')}
                    </Button>
                    <Popconfirm title={t('bank.ignoreConfirm')} onConfirm={() => ignore.mutateAsync(r.id).then(refresh, (e) => message.error(e.message))}>
                      <Button size="small">{t('bank.ignore')}</Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </PageContainer>
  );
}

/**
 * Customer page tab 合同/结算: the customer's contracts (year, period, status, versions), the chosen
 * contract's months contracted vs actual with the τ over-take flag (DOMAIN.md §4), its monthly
 * settlement statements (PDF/Excel) and its deviation cases. The server checks the customer scope.
 */
import { useState } from 'react';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dec } from '@common/decimal';
import { formatFen, formatNumber, paren } from '../../../lib/format';
import { Section } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { settlementApi, useContract, useContracts, useCustomerSettlement, useYearView, type ContractRow, type CustomerSettlement } from '../api';

const STATUS_COLOR = { draft: 'default', active: 'green', terminated: 'red' } as const;
const MONTH_COLOR = { draft: 'default', confirmed: 'blue', closed: 'green' } as const;
const unit = (basis: 'm3' | 'GJ') => (basis === 'GJ' ? 'GJ' : 'm³');

function YearTable({ contractId }: { contractId: number }) {
  const { t } = useTranslation(NS);
  const y = useYearView(contractId);
  const c = useContract(contractId);
  if (y.isError) return <ErrorState error={y.error} onRetry={() => void y.refetch()} />;
  const u = unit(y.data?.basis ?? 'm3');
  return (
    <Table
      rowKey="month"
      size="small"
      pagination={false}
      loading={y.isLoading}
      dataSource={y.data?.months}
      scroll={{ x: 640 }}
      columns={[
        { title: t('f.month'), dataIndex: 'month' },
        { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v) => `${formatNumber(v, 0)} ${u}` },
        { title: t('f.actual'), dataIndex: 'actual', align: 'right', render: (v) => (v == null ? '—' : `${formatNumber(v, 0)} ${u}`) },
        { title: t('f.ratio'), dataIndex: 'ratio', align: 'right', render: (v) => (v == null ? '—' : `${formatNumber(dec(v).times(100), 1)} %`) },
        { title: t('f.overTake'), dataIndex: 'overTake', render: (v) => (v ? <Tag color="orange">{t('msg.overTake')}</Tag> : '') },
        { title: t('f.version'), render: (_, r) => c.data?.months.find((m) => m.month === r.month)?.version ?? '' },
      ]}
      summary={() =>
        y.data && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('tab.yearTotal')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{`${formatNumber(y.data.total.contracted, 0)} ${u}`}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {y.data.total.actual == null ? '—' : `${formatNumber(y.data.total.actual, 0)} ${u}`}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={3} />
          </Table.Summary.Row>
        )
      }
    />
  );
}

function Statements({ customerId, rows }: { customerId: number; rows: CustomerSettlement['statements'] }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const dl = (month: string, ext: 'pdf' | 'xlsx') => settlementApi.downloadStatement(month, customerId, ext).catch((e) => message.error(e.message));
  return (
    <Table
      rowKey="month"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('tab.noStatements') }}
      columns={[
        { title: t('f.month'), dataIndex: 'month', render: (v) => <Link to={`/settlement/${v}/customers/${customerId}`}>{v}</Link> },
        { title: t('f.status'), dataIndex: 'monthStatus', render: (v: keyof typeof MONTH_COLOR) => <Tag color={MONTH_COLOR[v]}>{t(`mstatus.${v}`)}</Tag> },
        { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
        {
          title: t('f.actual'),
          dataIndex: 'actual',
          align: 'right',
          render: (v, r) => (
            <Space size={4}>
              {`${formatNumber(v, 0)} ${unit(r.basis)}`}
              {r.overTake && <Tag color="orange">{t('msg.overTake')}</Tag>}
            </Space>
          ),
        },
        { title: t('f.amount'), dataIndex: 'totalFen', align: 'right', render: (v) => formatFen(v) },
        { title: t('tab.adjustments'), dataIndex: 'adjustmentFen', align: 'right', render: (v) => (v ? formatFen(v) : '—') },
        { title: t('f.daily'), dataIndex: 'dailyChargesFen', align: 'right', render: (v) => formatFen(v) },
        { title: t('f.trueUp'), dataIndex: 'trueUpFen', align: 'right', render: (v) => formatFen(v) },
        {
          title: t('a.statement'),
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" onClick={() => dl(r.month, 'pdf')}>
                {t('a.pdf')}
              </Button>
              <Button size="small" onClick={() => dl(r.month, 'xlsx')}>
                {t('a.excel')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

function Cases({ rows }: { rows: CustomerSettlement['cases'] }) {
  const { t } = useTranslation(NS);
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('tab.noCases') }}
      columns={[
        { title: t('tab.period'), dataIndex: 'periodLabel', render: (v, r) => <Link to={`/deviation?case=${r.id}`}>{paren(v, `${r.fromMonth} ~ ${r.toMonth}`)}</Link> },
        { title: t('f.contractNo'), dataIndex: 'contractNo', render: (v) => v ?? '—' },
        { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
        { title: t('f.actual'), dataIndex: 'actual', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
        { title: t('f.exempt'), dataIndex: 'exempt', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
        { title: t('f.shortfall'), dataIndex: 'shortfall', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
        { title: t('f.fee'), dataIndex: 'feeFen', align: 'right', render: (v) => formatFen(v) },
        { title: t('f.status'), dataIndex: 'status', render: (v) => <Tag>{t(`dstatus.${v}`)}</Tag> },
      ]}
    />
  );
}

export default function ContractsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const contracts = useContracts({ customerId, page: 1, pageSize: 100 });
  const overview = useCustomerSettlement(customerId);
  const [chosen, setChosen] = useState<number | null>(null);
  if (contracts.isLoading || overview.isLoading) return <Loading />;
  if (contracts.isError) return <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const items = contracts.data?.items ?? [];
  const current = chosen ?? (items.find((c) => c.status === 'active') ?? items[0])?.id ?? null;
  return (
    <div>
      <Section title={t('tab.contracts')}>
        <Table<ContractRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('tab.noContracts') }}
          rowClassName={(r) => (r.id === current ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setChosen(r.id) })}
          columns={[
            { title: t('f.contractNo'), dataIndex: 'contractNo', render: (v, r) => <Link to={`/contracts/${r.id}`}>{v}</Link> },
            { title: t('f.year'), dataIndex: 'yearLabel' },
            { title: t('f.period'), render: (_, r) => `${r.startMonth} ~ ${r.endMonth}` },
            { title: t('f.basis'), dataIndex: 'basis', render: (v) => t(`basis.${v}`) },
            { title: 'θ / τ / k', render: (_, r) => `${r.theta} / ${r.tau} / ${r.k}` },
            { title: t('f.total'), dataIndex: 'totalQuantity', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${unit(r.basis)}` },
            { title: t('f.status'), dataIndex: 'status', render: (s: ContractRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`cstatus.${s}`)}</Tag> },
          ]}
        />
      </Section>
      {current != null && (
        <Section
          title={t('tab.yearView')}
          extra={<Select size="small" style={{ minWidth: 220 }} value={current} onChange={setChosen} options={items.map((c) => ({ value: c.id, label: `${c.contractNo} · ${c.yearLabel}` }))} />}
        >
          <YearTable contractId={current} />
        </Section>
      )}
      <Section title={t('tab.statements')}>
        <Statements customerId={customerId} rows={overview.data?.statements ?? []} />
      </Section>
      <Section title={t('tab.cases')}>
        <Cases rows={overview.data?.cases ?? []} />
      </Section>
    </div>
  );
}

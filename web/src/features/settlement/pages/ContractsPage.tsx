/** 购销合同 list with filters and the form for a new contract (draft). */
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, DatePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PRICE_CATEGORY_LABELS } from '@common/customers';
import { formatNumber } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { useContracts, useL, useTagName, type ContractFilter, type ContractRow } from '../api';
import { ContractFormModal } from '../components/ContractFormModal';

const STATUS_COLOR = { draft: 'default', active: 'green', terminated: 'red' } as const;

export default function ContractsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const nav = useNavigate();
  const L = useL();
  const tagName = useTagName();
  const [f, setF] = useState<ContractFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const q = useContracts(f);
  const [open, setOpen] = useState(false);
  const canWrite = useCan('contracts:write');
  return (
    <PageContainer
      title={t('menu.contracts')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('a.newContract')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('f.contractNo')} onSearch={(v) => setF({ ...f, q: v || undefined, page: 1 })} style={{ width: 200 }} />
        <Select
          allowClear
          placeholder={t('f.status')}
          style={{ width: 120 }}
          options={(['draft', 'active', 'terminated'] as const).map((s) => ({ value: s, label: t(`cstatus.${s}`) }))}
          onChange={(v) => setF({ ...f, status: v, page: 1 })}
        />
        <DatePicker picker="month" placeholder={t('f.month')} onChange={(d) => setF({ ...f, month: d ? d.format('YYYY-MM') : undefined, page: 1 })} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ContractRow>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          scroll={{ x: 1100 }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setF({ ...f, page: p, pageSize: s }),
          }}
          columns={[
            { title: t('f.contractNo'), dataIndex: 'contractNo', render: (v, r) => <Link to={`/contracts/${r.id}`}>{v}</Link> },
            { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link> },
            { title: t('f.year'), dataIndex: 'yearLabel' },
            { title: t('f.period'), render: (_, r) => `${r.startMonth} ~ ${r.endMonth}` },
            { title: t('f.basis'), dataIndex: 'basis', render: (v) => t(`basis.${v}`) },
            { title: t('f.tag'), dataIndex: 'baseTag', render: (v) => tagName(v) },
            { title: t('f.category'), dataIndex: 'priceCategory', render: (v: keyof typeof PRICE_CATEGORY_LABELS) => (PRICE_CATEGORY_LABELS[v] ? L(PRICE_CATEGORY_LABELS[v]) : v) },
            { title: t('f.total'), dataIndex: 'totalQuantity', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${r.basis === 'GJ' ? 'GJ' : 'm³'}` },
            { title: t('f.status'), dataIndex: 'status', render: (s: ContractRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`cstatus.${s}`)}</Tag> },
          ]}
        />
      )}
      <ContractFormModal
        open={open}
        onClose={() => setOpen(false)}
        onSaved={(id) => {
          setOpen(false);
          nav(`/contracts/${id}`);
        }}
      />
    </PageContainer>
  );
}

/** 购销合同 list with filters and a form for a new contract (draft). */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, DatePicker } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PRICE_CATEGORIES, PRICE_CATEGORY_LABELS } from '@common/customers';
import { formatNumber, paren } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { settlementApi, useContracts, useCustomerPick, useL, useTags, useTagName, type ContractFilter, type ContractRow } from '../api';
import { validFields } from '../../../lib/forms';

const STATUS_COLOR = { draft: 'default', active: 'green', terminated: 'red' } as const;

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  while (`${y}-${String(m).padStart(2, '0')}` <= to && out.length < 24) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export default function ContractsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const nav = useNavigate();
  const L = useL();
  const tagName = useTagName();
  const tags = useTags();
  const [f, setF] = useState<ContractFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const q = useContracts(f);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [custQ, setCustQ] = useState('');
  const customers = useCustomerPick(custQ, open);
  const range = Form.useWatch('range', form);
  const months = range ? monthsOf(range[0].format('YYYY-MM'), range[1].format('YYYY-MM')) : [];
  const canWrite = useCan('contracts:write');
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      const r = await settlementApi.createContract({
        customerId: v.customerId,
        contractNo: v.contractNo,
        yearLabel: v.yearLabel,
        startMonth: months[0],
        endMonth: months[months.length - 1],
        basis: v.basis,
        baseTag: v.baseTag,
        priceCategory: v.priceCategory,
        basePrice: v.basePrice ? String(v.basePrice) : null,
        theta: String(v.theta),
        tau: String(v.tau),
        k: String(v.k),
        prepaymentTerms: v.prepaymentTerms ?? null,
        months: months.filter((m) => v[`m_${m}`] != null && v[`m_${m}`] !== '').map((m) => ({ month: m, quantity: String(v[`m_${m}`]) })),
      });
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['contracts'] });
      nav(`/contracts/${r.id}`);
    } catch (e: any) {
      message.error(e.message);
    }
  };
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
      <Modal open={open} width={760} title={t('a.newContract')} onCancel={() => setOpen(false)} onOk={submit} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ basis: 'm3', baseTag: 'contract', theta: 0.9, tau: 0.1, k: 0.25 }}>
          <Space wrap>
            <Form.Item name="customerId" label={t('f.customer')} rules={[{ required: true, message: t('msg.required') }]}>
              <Select showSearch filterOption={false} onSearch={setCustQ} style={{ width: 260 }} options={customers.data?.items.map((c) => ({ value: c.id, label: paren(c.name, c.code) }))} />
            </Form.Item>
            <Form.Item name="contractNo" label={t('f.contractNo')} rules={[{ required: true, message: t('msg.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="yearLabel" label={t('f.year')} rules={[{ required: true, message: t('msg.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="range" label={t('f.period')} rules={[{ required: true, message: t('msg.required') }]}>
              <DatePicker.RangePicker picker="month" />
            </Form.Item>
            <Form.Item name="basis" label={t('f.basis')}>
              <Select style={{ width: 140 }} options={(['m3', 'GJ'] as const).map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
            </Form.Item>
            <Form.Item name="baseTag" label={t('f.tag')}>
              <Select style={{ width: 160 }} options={tags.data?.map((x) => ({ value: x.code, label: tagName(x.code) }))} />
            </Form.Item>
            <Form.Item name="priceCategory" label={t('f.category')}>
              <Select allowClear style={{ width: 140 }} options={PRICE_CATEGORIES.map((c) => ({ value: c, label: L(PRICE_CATEGORY_LABELS[c]) }))} />
            </Form.Item>
            <Form.Item name="basePrice" label={t('f.basePrice')}>
              <InputNumber min={0} step={0.0001} stringMode />
            </Form.Item>
            <Form.Item name="theta" label={t('f.theta')}>
              <InputNumber min={0} max={1} step={0.01} />
            </Form.Item>
            <Form.Item name="tau" label={t('f.tau')}>
              <InputNumber min={0} step={0.01} />
            </Form.Item>
            <Form.Item name="k" label={t('f.k')}>
              <InputNumber min={0} step={0.01} />
            </Form.Item>
          </Space>
          <Form.Item name="prepaymentTerms" label={t('f.prepayment')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {months.length > 0 && (
            <Space wrap>
              {months.map((m) => (
                <Form.Item key={m} name={`m_${m}`} label={m}>
                  <InputNumber min={0} stringMode style={{ width: 120 }} />
                </Form.Item>
              ))}
            </Space>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}

/** 线上交易场次列表: filters, table, create drawer (real or simulation, listing or bidding). */
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { basisUnit, NS, useBasisT } from '../i18n';
import type { TFunction } from 'i18next';
import { tradingApi, useManagers, usePickCustomers, useSessions, useTradingMutation, type AgreementInput, type SessionFilter, type SessionInput, type SessionListItem, type State } from '../api';
import { validFields } from '../../../lib/forms';
import { ExportButton } from '../components/ExportButton';
import { today } from '../../../lib/dates';

export const STATE_COLORS: Record<State, string> = { upcoming: 'default', open: 'processing', closed: 'warning', cleared: 'success', cancelled: 'default' };

/** A session's state label; an agreement reads 待买方确认 / 已成交 instead of taking bids / cleared. */
export function stateLabel(t: TFunction, s: { mode: string; state: State }): string {
  if (s.mode === 'agreement' && s.state === 'open') return t('agreement.awaiting');
  if (s.mode === 'agreement' && s.state === 'cleared') return t('agreement.done');
  return t(`state.${s.state}`);
}

export default function SessionsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const canOrganise = useCan('trading:organise');
  const [f, setF] = useState<SessionFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const q = useSessions(f);
  const set = (patch: SessionFilter) => setF({ ...f, ...patch, page: 1 });
  const columns = [
    { title: t('f.title'), dataIndex: 'title', render: (v: string, r: SessionListItem) => <Link to={`/trading/sessions/${r.id}`}>{v}</Link> },
    { title: t('f.kind'), dataIndex: 'kind', width: 80, render: (v: string) => <Tag color={v === 'simulation' ? 'purple' : 'blue'}>{t(`kind.${v}`)}</Tag> },
    { title: t('f.mode'), dataIndex: 'mode', width: 80, render: (v: string) => t(`mode.${v}`) },
    { title: t('f.tag'), dataIndex: 'resourceTag', width: 110 },
    { title: t('f.month'), dataIndex: 'deliveryMonth', width: 100 },
    // sessions in m³ and in GJ side by side: each quantity carries its session's unit
    { title: t('f.quantityAny'), dataIndex: 'quantity', align: 'right' as const, render: (v: string, r: SessionListItem) => `${formatNumber(v)} ${basisUnit(r.basis)}` },
    { title: t('f.closesAt'), dataIndex: 'closesAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('f.bids'), dataIndex: 'bidCount', width: 80, align: 'right' as const },
    { title: t('f.soldAny'), dataIndex: 'soldQuantity', align: 'right' as const, render: (v: string | null, r: SessionListItem) => (v == null ? '—' : `${formatNumber(v)} ${basisUnit(r.basis)}`) },
    { title: t('f.state'), dataIndex: 'state', width: 100, render: (v: State, r: SessionListItem) => <Tag color={STATE_COLORS[v]}>{stateLabel(t, r)}</Tag> },
  ];
  return (
    <PageContainer
      title={t('menu.sessions')}
      extra={
        <Space>
          <ExportButton testId="trading-export-sessions" download={() => tradingApi.exportSessions({ ...f, page: undefined, pageSize: undefined })} />
          {canOrganise && (
            <>
              <Button onClick={() => setAgreeing(true)} data-testid="agreement-create">
                {t('agreement.create')}
              </Button>
              <Button type="primary" onClick={() => setCreating(true)} data-testid="trading-create">
                {t('a.create')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('f.search')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 200 }} />
        <Select allowClear placeholder={t('f.kind')} style={{ width: 120 }} options={['real', 'simulation'].map((v) => ({ value: v, label: t(`kind.${v}`) }))} onChange={(v) => set({ kind: v })} />
        <Select
          allowClear
          placeholder={t('f.mode')}
          style={{ width: 120 }}
          options={['listing', 'bidding', 'agreement'].map((v) => ({ value: v, label: t(`mode.${v}`) }))}
          onChange={(v) => set({ mode: v })}
        />
        <Select
          allowClear
          placeholder={t('f.state')}
          style={{ width: 120 }}
          options={['upcoming', 'open', 'closed', 'cleared', 'cancelled'].map((v) => ({ value: v, label: t(`state.${v}`) }))}
          onChange={(v) => set({ state: v })}
        />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<SessionListItem>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setF({ ...f, page: p, pageSize: s }),
          }}
        />
      )}
      <CreateDrawer open={creating} onClose={() => setCreating(false)} />
      <AgreementDrawer open={agreeing} onClose={() => setAgreeing(false)} />
    </PageContainer>
  );
}

function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  // sessions created here are priced per m³ (the API's default basis)
  const t = useBasisT('m3');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form);
  const kind = Form.useWatch('kind', form);
  const users = useManagers();
  const create = useTradingMutation((b: SessionInput) => tradingApi.createSession(b));
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    const body = {
      kind: v.kind,
      mode: v.mode,
      title: v.title,
      resourceTag: v.resourceTag,
      deliveryMonth: v.deliveryMonth.format('YYYY-MM'),
      deliveryPoint: v.deliveryPoint,
      quantity: String(v.quantity),
      minPerBuyer: String(v.minPerBuyer),
      maxPerBuyer: String(v.maxPerBuyer),
      ...(v.mode === 'listing' ? { fixedPrice: String(v.fixedPrice) } : { floorPrice: String(v.floorPrice), priceStep: String(v.priceStep) }),
      pricing: v.pricing,
      opensAt: v.window[0].toISOString(),
      closesAt: v.window[1].toISOString(),
      virtualAccounts: v.kind === 'simulation' ? (v.accountUsers ?? []).map((u: number, i: number) => ({ name: `${t('f.accounts')}${i + 1}`, userId: u, balanceFen: 100_000_000 })) : [],
    };
    create.mutate(body, {
      onSuccess: (s) => {
        message.success(t('msg.saved'));
        onClose();
        form.resetFields();
        nav(`/trading/sessions/${s.id}`);
      },
      onError: (e) => message.error(e.message),
    });
  };
  return (
    <Drawer
      title={t('a.create')}
      width={560}
      open={open}
      onClose={onClose}
      extra={
        <Button type="primary" loading={create.isPending} onClick={submit} data-testid="trading-create-submit">
          {tc('actions.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'simulation',
          mode: 'bidding',
          pricing: 'pay_as_bid',
          resourceTag: '线上交易气',
          deliveryPoint: '泸州首站',
          deliveryMonth: today().add(1, 'month'),
          quantity: 1000000,
          minPerBuyer: 50000,
          maxPerBuyer: 600000,
          floorPrice: 2.3,
          priceStep: 0.01,
          fixedPrice: 2.5,
          window: [dayjs(), dayjs().add(2, 'hour')],
        }}
      >
        <Space wrap>
          <Form.Item name="kind" label={t('f.kind')} rules={[{ required: true }]}>
            <Select id="trading-kind" style={{ width: 140 }} options={['real', 'simulation'].map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
          </Form.Item>
          <Form.Item name="mode" label={t('f.mode')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={['listing', 'bidding'].map((v) => ({ value: v, label: t(`mode.${v}`) }))} />
          </Form.Item>
          <Form.Item name="pricing" label={t('f.pricing')}>
            <Select style={{ width: 160 }} options={['pay_as_bid', 'uniform'].map((v) => ({ value: v, label: t(`pricing.${v}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('f.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="trading-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="resourceTag" label={t('f.tag')} rules={[{ required: true }]}>
            <Input style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="deliveryMonth" label={t('f.month')} rules={[{ required: true }]}>
            <DatePicker picker="month" />
          </Form.Item>
          <Form.Item name="deliveryPoint" label={t('f.point')} rules={[{ required: true }]}>
            <Input style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="quantity" label={t('f.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="minPerBuyer" label={t('f.min')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="maxPerBuyer" label={t('f.max')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        {mode === 'listing' ? (
          <Form.Item name="fixedPrice" label={t('f.fixedPrice')} rules={[{ required: true }]}>
            <InputNumber min={0.0001} step={0.01} stringMode style={{ width: 150 }} />
          </Form.Item>
        ) : (
          <Space wrap>
            <Form.Item name="floorPrice" label={t('f.floorPrice')} rules={[{ required: true }]}>
              <InputNumber min={0.0001} step={0.01} stringMode style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="priceStep" label={t('f.step')} rules={[{ required: true }]}>
              <InputNumber min={0.0001} step={0.01} stringMode style={{ width: 150 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="window" label={t('f.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime />
        </Form.Item>
        {kind === 'simulation' && (
          <Form.Item name="accountUsers" label={t('f.accounts')}>
            <Select id="trading-accounts" mode="multiple" optionFilterProp="label" options={users.data?.map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

/** 协议: the seller records a negotiated trade with its confirmation; the buyer's is recorded on the session page. */
function AgreementDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  // sessions created here are priced per m³ (the API's default basis)
  const t = useBasisT('m3');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const customers = usePickCustomers(search, open);
  const record = useTradingMutation((b: AgreementInput) => tradingApi.recordAgreement(b));
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    record.mutate(
      {
        title: v.title,
        customerId: v.customerId,
        resourceTag: v.resourceTag,
        deliveryMonth: v.deliveryMonth.format('YYYY-MM'),
        deliveryPoint: v.deliveryPoint,
        quantity: String(v.quantity),
        price: String(v.price),
        sellerConfirmedOn: v.sellerConfirmedOn.format('YYYY-MM-DD'),
        sellerDocument: v.sellerDocument,
        note: v.note || null,
      },
      {
        onSuccess: (s) => {
          message.success(t('agreement.recorded'));
          onClose();
          form.resetFields();
          nav(`/trading/sessions/${s.id}`);
        },
        onError: (e) => message.error(e.message),
      },
    );
  };
  return (
    <Drawer
      title={t('agreement.create')}
      width={560}
      open={open}
      onClose={onClose}
      extra={
        <Button type="primary" loading={record.isPending} onClick={submit} data-testid="agreement-submit">
          {tc('actions.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ resourceTag: '线上交易气', deliveryPoint: '泸州首站', deliveryMonth: today().add(1, 'month'), sellerConfirmedOn: today() }}>
        <Form.Item name="title" label={t('f.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="agreement-title" />
        </Form.Item>
        <Form.Item name="customerId" label={t('agreement.customer')} rules={[{ required: true }]}>
          <Select id="agreement-customer" showSearch filterOption={false} onSearch={setSearch} options={customers.data?.items.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="resourceTag" label={t('f.tag')} rules={[{ required: true }]}>
            <Input style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="deliveryMonth" label={t('f.month')} rules={[{ required: true }]}>
            <DatePicker picker="month" />
          </Form.Item>
          <Form.Item name="deliveryPoint" label={t('f.point')} rules={[{ required: true }]}>
            <Input style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="quantity" label={t('f.quantity')} rules={[{ required: true }]}>
            <InputNumber id="agreement-quantity" min={1} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="price" label={t('agreement.price')} rules={[{ required: true }]}>
            <InputNumber id="agreement-price" min={0.0001} step={0.01} stringMode style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="sellerConfirmedOn" label={t('agreement.sellerOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="sellerDocument" label={t('agreement.sellerDoc')} rules={[{ required: true, max: 200 }]}>
            <Input id="agreement-seller-doc" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('agreement.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

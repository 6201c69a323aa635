/** Dialogs of the account tab: payment, adjustment, refund, statement, thresholds, prices. */
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { type ApiError } from '../../../lib/api';
import { formatFen } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { accountsApi, useSave, type Summary } from '../api';
import { applyFieldErrors, toFen, yuanRules } from './common';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function useSubmit<T>(form: any, onDone: () => void, fn: (v: T) => Promise<string>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    submit: async () => {
      const v = (await validFields(form)) as T | null;
      if (!v) return;
      setBusy(true);
      try {
        message.success(await fn(v));
        form.resetFields();
        onDone();
      } catch (e) {
        if (!applyFieldErrors(form, e as ApiError)) message.error((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
  };
}

export function PaymentModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm();
  const save = useSave((b: any) => accountsApi.pay(b));
  const { busy, submit } = useSubmit<any>(form, onClose, async (v) => {
    const r = await save.mutateAsync({
      customerId,
      amountFen: toFen(v.amount),
      bankRef: v.bankRef,
      valueDate: day(v.valueDate),
      payerName: v.payerName || null,
      payerAccount: v.payerAccount || null,
      note: v.note || null,
    });
    return r.duplicate ? t('msg.duplicate') : t('msg.paid');
  });
  return (
    <Modal open={open} title={t('a.pay')} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ valueDate: today() }}>
        <Form.Item name="amount" label={t('f.amount')} rules={yuanRules(t, 'positive')}>
          <Input inputMode="decimal" placeholder="100,000.00" />
        </Form.Item>
        <Form.Item name="bankRef" label={t('f.bankRef')} rules={[{ required: true, message: t('msg.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="valueDate" label={t('f.valueDate')} rules={[{ required: true, message: t('msg.required') }]}>
          <DatePicker />
        </Form.Item>
        <Space>
          <Form.Item name="payerName" label={t('f.payerName')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="payerAccount" label={t('f.payerAccount')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('f.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AdjustmentModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm();
  const save = useSave((b: any) => accountsApi.adjust(b));
  const { busy, submit } = useSubmit<any>(form, onClose, async (v) => {
    await save.mutateAsync({ customerId, amountFen: toFen(v.amount), businessDate: day(v.businessDate), reason: v.reason });
    return t('msg.adjusted');
  });
  return (
    <Modal open={open} title={t('a.adjust')} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      <p style={{ color: '#888' }}>{t('msg.selfHint')}</p>
      <Form form={form} layout="vertical" initialValues={{ businessDate: today() }}>
        <Form.Item name="amount" label={t('f.amountSigned')} rules={yuanRules(t, 'nonzero')}>
          <Input inputMode="decimal" placeholder="-1,000.00" />
        </Form.Item>
        <Form.Item name="businessDate" label={t('f.date')} rules={[{ required: true, message: t('msg.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('f.reason')} rules={[{ required: true, message: t('msg.required') }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RefundModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm();
  const save = useSave((b: any) => accountsApi.refund(b));
  const { busy, submit } = useSubmit<any>(form, onClose, async (v) => {
    await save.mutateAsync({ customerId, amountFen: toFen(v.amount), businessDate: day(v.businessDate), reference: v.reference || null, note: v.note || null });
    return t('msg.refunded');
  });
  return (
    <Modal open={open} title={t('a.refund')} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ businessDate: today() }}>
        <Form.Item name="amount" label={t('f.amount')} rules={yuanRules(t, 'positive')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="businessDate" label={t('f.date')} rules={[{ required: true, message: t('msg.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reference" label={t('f.reference')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('f.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StatementModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().startOf('month'), today()]);
  const q = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const st = useQuery({ queryKey: ['accounts', 'statement', customerId, q], queryFn: () => accountsApi.statement(customerId, q), enabled: open });
  const dl = (ext: 'pdf' | 'xlsx') => accountsApi.downloadStatement(customerId, ext, q).catch((e) => message.error(e.message));
  const s = st.data?.totals;
  return (
    <Modal open={open} title={t('a.statement')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(r) => r && r[0] && r[1] && setRange([r[0], r[1]])} />
        <Button onClick={() => dl('pdf')}>{t('a.pdf')}</Button>
        <Button onClick={() => dl('xlsx')}>{t('a.excel')}</Button>
      </Space>
      {st.isError && <p style={{ color: 'red' }}>{(st.error as Error).message}</p>}
      {s && (
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('st.opening')}>{formatFen(s.openingFen)}</Descriptions.Item>
          <Descriptions.Item label={t('st.payments')}>{formatFen(s.paymentsFen)}</Descriptions.Item>
          <Descriptions.Item label={t('st.charges')}>{formatFen(s.chargesFen)}</Descriptions.Item>
          <Descriptions.Item label={t('st.adjustments')}>{formatFen(s.adjustmentsFen)}</Descriptions.Item>
          <Descriptions.Item label={t('st.refunds')}>{formatFen(s.refundsFen)}</Descriptions.Item>
          <Descriptions.Item label={t('st.closing')}>{formatFen(s.closingFen)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={st.isFetching}
        dataSource={st.data?.lines}
        pagination={{ pageSize: 10 }}
        style={{ marginTop: 12 }}
        columns={[
          { title: t('f.date'), dataIndex: 'date', width: 110 },
          { title: t('f.kind'), dataIndex: 'kind', render: (k) => t(`kind.${k}`) },
          { title: t('f.reference'), dataIndex: 'reference', render: (v) => v ?? '—' },
          { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => formatFen(v) },
          { title: t('f.balance'), dataIndex: 'balanceFen', align: 'right', render: (v) => formatFen(v) },
        ]}
      />
    </Modal>
  );
}

export function ThresholdsModal({ summary, open, onClose }: { summary: Summary; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm();
  const save = useSave((b: any) => accountsApi.saveCustomerThresholds(summary.customerId, b));
  const { busy, submit } = useSubmit<any>(form, onClose, async (v) => {
    const s = (x: any) => (x === null || x === undefined || x === '' ? null : String(x));
    await save.mutateAsync({ warnDays: s(v.warnDays), reduceDays: s(v.reduceDays), avgDays: v.avgDays ?? null });
    return t('msg.saved');
  });
  const g = summary.thresholds.effective;
  return (
    <Modal open={open} title={t('a.thresholds')} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      <p style={{ color: '#888' }}>{t('msg.thresholdsHint')}</p>
      <Form form={form} layout="vertical" initialValues={summary.thresholds.own}>
        <Form.Item name="warnDays" label={t('f.warnDays')}>
          <InputNumber min={0.01} step={0.5} placeholder={g.warnDays} stringMode />
        </Form.Item>
        <Form.Item name="reduceDays" label={t('f.reduceDays')}>
          <InputNumber min={0.01} step={0.5} placeholder={g.reduceDays} stringMode />
        </Form.Item>
        <Form.Item name="avgDays" label={t('f.avgDays')}>
          <InputNumber min={1} max={90} precision={0} placeholder={String(g.avgDays)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PricesModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const canSet = useCan('settings:manage');
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['accounts', 'prices', customerId], queryFn: () => accountsApi.prices(customerId), enabled: open });
  const save = useSave((b: any) => accountsApi.savePrices(customerId, b));
  const { busy, submit } = useSubmit<any>(
    form,
    () => void list.refetch(),
    async (v) => {
      await save.mutateAsync({ effectiveFrom: day(v.effectiveFrom), price: String(v.price) });
      return t('msg.saved');
    },
  );
  return (
    <Modal open={open} title={t('a.prices')} onCancel={onClose} footer={null} destroyOnHidden>
      <Table
        size="small"
        rowKey="effectiveFrom"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        columns={[
          { title: t('f.effectiveFrom'), dataIndex: 'effectiveFrom' },
          { title: t('f.price'), dataIndex: 'price', align: 'right' },
        ]}
      />
      {canSet && (
        <Form form={form} layout="inline" style={{ marginTop: 12 }}>
          <Form.Item name="effectiveFrom" rules={[{ required: true, message: t('msg.required') }]}>
            <DatePicker placeholder={t('f.effectiveFrom')} />
          </Form.Item>
          <Form.Item name="price" rules={[{ required: true, message: t('msg.required') }]}>
            <InputNumber min={0} step={0.01} precision={4} stringMode placeholder={t('f.price')} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={submit}>
            {t('a.setPrice')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

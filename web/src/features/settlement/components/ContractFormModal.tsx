/**
 * The contract form (DOMAIN.md §4): a new draft, or a draft's terms edited (only 草稿; the customer
 * stays). Period, basis, base tag, price category, fixed price, θ/τ/k, prepayment terms and every
 * month's volume. The server checks missing months, negative volumes and overlapping periods.
 */
import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PRICE_CATEGORIES, PRICE_CATEGORY_LABELS } from '@common/customers';
import { validFields } from '../../../lib/forms';
import { NS } from '../i18n';
import { settlementApi, useCustomerPick, useL, useTags, useTagName, type ContractDetail } from '../api';
import { paren } from '../../../lib/format';

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

const DEFAULTS = { basis: 'm3', baseTag: 'contract', theta: 0.9, tau: 0.1, k: 0.25 };

/** Form values of an existing draft. */
function valuesOf(c: ContractDetail) {
  return {
    contractNo: c.contractNo,
    yearLabel: c.yearLabel,
    range: [dayjs(`${c.startMonth}-01`), dayjs(`${c.endMonth}-01`)],
    basis: c.basis,
    baseTag: c.baseTag,
    priceCategory: c.priceCategory,
    basePrice: c.basePrice ?? undefined,
    theta: Number(c.theta),
    tau: Number(c.tau),
    k: Number(c.k),
    prepaymentTerms: c.prepaymentTerms ?? undefined,
    ...Object.fromEntries(c.months.map((m) => [`m_${m.month}`, m.quantity])),
  };
}

export function ContractFormModal({ open, draft, onClose, onSaved }: { open: boolean; draft?: ContractDetail; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const L = useL();
  const tagName = useTagName();
  const tags = useTags();
  const [form] = Form.useForm();
  const [custQ, setCustQ] = useState('');
  const customers = useCustomerPick(custQ, open && !draft);
  const range = Form.useWatch('range', form);
  const months = range ? monthsOf(range[0].format('YYYY-MM'), range[1].format('YYYY-MM')) : [];
  useEffect(() => {
    if (open) form.setFieldsValue(draft ? valuesOf(draft) : DEFAULTS);
  }, [open, draft, form]);
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    const terms = {
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
      prepaymentTerms: v.prepaymentTerms || null,
      months: months.filter((m) => v[`m_${m}`] != null && v[`m_${m}`] !== '').map((m) => ({ month: m, quantity: String(v[`m_${m}`]) })),
    };
    try {
      const id = draft ? (await settlementApi.updateContract(draft.id, terms), draft.id) : (await settlementApi.createContract({ customerId: v.customerId, ...terms })).id;
      message.success(t('msg.saved'));
      void qc.invalidateQueries({ queryKey: ['contracts'] });
      onSaved(id);
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const required = [{ required: true, message: t('msg.required') }];
  return (
    <Modal open={open} width={760} title={draft ? t('a.editContract') : t('a.newContract')} onCancel={onClose} onOk={submit} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={DEFAULTS}>
        <Space wrap>
          {!draft && (
            <Form.Item name="customerId" label={t('f.customer')} rules={required}>
              <Select showSearch filterOption={false} onSearch={setCustQ} style={{ width: 260 }} options={customers.data?.items.map((c) => ({ value: c.id, label: paren(c.name, c.code) }))} />
            </Form.Item>
          )}
          <Form.Item name="contractNo" label={t('f.contractNo')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="yearLabel" label={t('f.year')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="range" label={t('f.period')} rules={required}>
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
  );
}

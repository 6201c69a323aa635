/** Create / edit a customer archive, with inline validation (USCC check digit, region, share). */
import { useEffect } from 'react';
import { App, Button, Cascader, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS, PRICE_CATEGORIES, PRICE_CATEGORY_LABELS, EXCHANGE_STATUSES, EXCHANGE_STATUS_LABELS } from '@common/customers';
import { isValidUscc, normalizeUscc } from '@common/uscc.calc';
import { useRegions } from '../../../lib/regions';
import { dec } from '@common/decimal';
import { NS } from '../i18n';
import { customersApi, useSave, useTags, type Customer } from '../api';
import { useLbl } from '../labels';
import { showApiError } from './form-errors';
import { validFields } from '../../../lib/forms';

export function CustomerFormDrawer({ open, customer, onClose, onSaved }: { open: boolean; customer?: Customer | null; onClose: () => void; onSaved?: (c: Customer) => void }) {
  const { t } = useTranslation(NS);
  const regions = useRegions();
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const tags = useTags();
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (customer) {
      form.setFieldsValue({
        ...customer,
        region: [customer.province, customer.city, customer.county].filter(Boolean),
        residentialSharePct:
          customer.residentialShare == null
            ? ''
            : dec(customer.residentialShare)
                .times(100)
                .toFixed(2)
                .replace(/\.?0+$/, ''),
        useStructureVerifiedOn: customer.useStructureVerifiedOn ? dayjs(customer.useStructureVerifiedOn) : null,
      });
    } else form.setFieldsValue({ province: undefined, exchangeStatus: 'none', tags: [] });
  }, [open, customer, form]);

  const save = useSave((v: any): Promise<Customer> => (customer ? customersApi.update(customer.id, v) : customersApi.create(v)));

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    const [province, city, county] = v.region ?? [];
    const body = {
      name: v.name,
      uscc: v.uscc ? normalizeUscc(v.uscc) : null,
      type: v.type,
      priceCategory: v.priceCategory,
      province,
      city,
      county: county ?? null,
      address: v.address || null,
      servesResidents: !!v.servesResidents,
      residentialShare: v.residentialSharePct === '' || v.residentialSharePct == null ? null : dec(v.residentialSharePct).div(100).toFixed(4),
      useStructureVerifiedOn: v.useStructureVerifiedOn ? v.useStructureVerifiedOn.format('YYYY-MM-DD') : null,
      exchangeStatus: v.exchangeStatus,
      tags: v.tags ?? [],
      notes: v.notes || null,
    };
    save.mutate(body, {
      onSuccess: (c) => {
        message.success(customer ? t('msg.saved') : t('msg.created'));
        onSaved?.(c);
        onClose();
      },
      onError: (e) => showApiError(form, e, message.error, { province: 'region', city: 'region', county: 'region', residentialShare: 'residentialSharePct' }),
    });
  };

  return (
    <Drawer
      title={customer ? `${t('a.edit')} · ${customer.name}` : t('a.create')}
      open={open}
      onClose={onClose}
      width={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="customer-save">
            {tc('actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('f.name')}
              rules={[
                { required: true, whitespace: true, message: t('v.nameRequired') },
                { min: 2, max: 100 },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="uscc"
              label={t('f.uscc')}
              extra={t('msg.usccHint')}
              rules={[{ validator: (_, v) => (!v || isValidUscc(normalizeUscc(v)) ? Promise.resolve() : Promise.reject(new Error(t('v.usccInvalid')))) }]}
            >
              <Input maxLength={22} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label={t('f.type')} rules={[{ required: true, message: t('v.typeRequired') }]}>
              <Select options={CUSTOMER_TYPES.map((x) => ({ value: x, label: l(CUSTOMER_TYPE_LABELS[x]) }))} onChange={(v) => !customer && form.setFieldValue('servesResidents', v === 'city_gas')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="priceCategory" label={t('f.priceCategory')} rules={[{ required: true, message: t('v.priceRequired') }]}>
              <Select options={PRICE_CATEGORIES.map((x) => ({ value: x, label: l(PRICE_CATEGORY_LABELS[x]) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="region" label={t('f.region')} rules={[{ required: true, type: 'array', min: 2, message: t('v.regionRequired') }]}>
              <Cascader options={regions.options} changeOnSelect showSearch placeholder={`${t('f.province')} / ${t('f.city')} / ${t('f.county')}`} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('f.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="servesResidents" label={t('f.servesResidents')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item
              name="residentialSharePct"
              label={t('f.residentialSharePct')}
              extra={type === 'city_gas' ? t('msg.shareHint') : undefined}
              rules={[
                {
                  validator: (_, v) =>
                    v === undefined || v === null || v === '' || (/^\d{1,3}(\.\d{1,2})?$/.test(String(v)) && dec(v).lte(100)) ? Promise.resolve() : Promise.reject(new Error(t('v.shareInvalid'))),
                },
              ]}
            >
              <Input suffix="%" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="useStructureVerifiedOn" label={t('f.verifiedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="exchangeStatus" label={t('f.exchangeStatus')}>
              <Select options={EXCHANGE_STATUSES.map((x) => ({ value: x, label: l(EXCHANGE_STATUS_LABELS[x]) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tags" label={t('f.tags')}>
              <Select mode="tags" maxCount={20} options={(tags.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('f.notes')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/** Delivery points (分输站/门站) of a customer: list, add, edit, deactivate, delete. */
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DELIVERY_POINT_KINDS, DELIVERY_POINT_KIND_LABELS, PRESSURE_LEVELS, PRESSURE_LEVEL_LABELS, SUPPLY_SOURCE_KIND_LABELS } from '@common/customers';
import { useCan } from '../../../app/auth';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { customersApi, useCustomer, useDeliveryPoints, useSave, useSupplySources, type DeliveryPoint } from '../api';
import { useLbl } from '../labels';
import { showApiError } from './form-errors';
import { validFields } from '../../../lib/forms';
import { paren } from '../../../lib/format';

export function DeliveryPointsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const q = useDeliveryPoints(customerId);
  const customer = useCustomer(customerId);
  const sources = useSupplySources();
  const canWrite = useCan('customers:write') && customer.data?.status !== 'closed';
  const [editing, setEditing] = useState<DeliveryPoint | 'new' | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue(editing);
  }, [editing, form]);

  const save = useSave((v: any) => (editing === 'new' ? customersApi.createDeliveryPoint(customerId, v) : customersApi.updateDeliveryPoint(customerId, (editing as DeliveryPoint).id, v)));
  const patch = useSave((v: { id: number; active: boolean }) => customersApi.updateDeliveryPoint(customerId, v.id, { active: v.active }));
  const del = useSave((id: number) => customersApi.deleteDeliveryPoint(customerId, id));
  const sourceOptions = (sources.data ?? []).map((s) => ({ value: s.id, label: paren(s.name, l(SUPPLY_SOURCE_KIND_LABELS[s.kind])) }));

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {canWrite && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('a.addDp')}
        </Button>
      )}
      <Table<DeliveryPoint>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={false}
        columns={[
          { title: t('f.dpCode'), dataIndex: 'code', width: 120 },
          { title: t('f.dpName'), dataIndex: 'name' },
          { title: t('f.dpKind'), dataIndex: 'kind', width: 90, render: (k) => l(DELIVERY_POINT_KIND_LABELS[k as keyof typeof DELIVERY_POINT_KIND_LABELS]) },
          { title: t('f.meterNo'), dataIndex: 'meterNo', width: 130 },
          { title: t('f.pressure'), dataIndex: 'pressureLevel', width: 160, render: (p) => (p ? l(PRESSURE_LEVEL_LABELS[p as keyof typeof PRESSURE_LEVEL_LABELS]) : '—') },
          { title: t('f.supplySource'), dataIndex: 'supplySourceName', render: (v) => v ?? '—' },
          { title: t('f.active'), dataIndex: 'active', width: 70, render: (a) => (a ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          ...(canWrite
            ? [
                {
                  title: tc('fields.actions'),
                  key: 'x',
                  width: 200,
                  render: (_: unknown, r: DeliveryPoint) => (
                    <Space size="small">
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        {tc('actions.edit')}
                      </Button>
                      <Button size="small" type="link" onClick={() => patch.mutate({ id: r.id, active: !r.active }, { onError: (e) => message.error(e.message) })}>
                        {r.active ? t('a.deactivate') : t('a.activate')}
                      </Button>
                      <Popconfirm title={t('a.deleteConfirm')} onConfirm={() => del.mutate(r.id, { onSuccess: () => message.success(t('msg.deleted')), onError: (e) => message.error(e.message) })}>
                        <Button size="small" type="link" danger>
                          {tc('actions.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={editing === 'new' ? t('a.addDp') : t('a.editDp')}
        open={!!editing}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await validFields(form);
          if (!v) return;
          save.mutate(
            { ...v, pressureLevel: v.pressureLevel ?? null, supplySourceId: v.supplySourceId ?? null, notes: v.notes || null },
            { onSuccess: () => (message.success(t('msg.saved')), setEditing(null)), onError: (e) => showApiError(form, e, message.error) },
          );
        }}
        confirmLoading={save.isPending}
        destroyOnHidden
        okText={tc('actions.confirm')}
        cancelText={tc('actions.cancel')}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'distribution_station' }}>
          <Form.Item
            name="name"
            label={t('f.dpName')}
            rules={[
              { required: true, whitespace: true, message: t('v.required') },
              { min: 2, max: 100 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('f.dpKind')} rules={[{ required: true }]}>
            <Select options={DELIVERY_POINT_KINDS.map((k) => ({ value: k, label: l(DELIVERY_POINT_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="meterNo" label={t('f.meterNo')} rules={[{ required: true, whitespace: true, message: t('v.required') }, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="pressureLevel" label={t('f.pressure')}>
            <Select allowClear options={PRESSURE_LEVELS.map((k) => ({ value: k, label: l(PRESSURE_LEVEL_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="supplySourceId" label={t('f.supplySource')}>
            <Select allowClear showSearch optionFilterProp="label" options={sourceOptions} />
          </Form.Item>
          <Form.Item name="notes" label={t('f.notes')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

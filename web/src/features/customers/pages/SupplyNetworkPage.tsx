/** The supply network (gas field → well station → purification plant → pipeline → valve room) as a tree, with create. */
import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SUPPLY_SOURCE_KINDS, SUPPLY_SOURCE_KIND_LABELS } from '@common/customers';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { customersApi, useSave, useSupplySources, type SupplySource } from '../api';
import { useLbl } from '../labels';
import { showApiError } from '../components/form-errors';
import { validFields } from '../../../lib/forms';
import { paren } from '../../../lib/format';

type Node = SupplySource & { children?: Node[] };

export default function SupplyNetworkPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const q = useSupplySources();
  const canCreate = useCan('customers:assign');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useSave((v: any) => customersApi.createSupplySource(v));
  const tree = useMemo(() => {
    const nodes = new Map<number, Node>((q.data ?? []).map((s) => [s.id, { ...s }]));
    const roots: Node[] = [];
    for (const n of nodes.values()) {
      const p = n.parentId ? nodes.get(n.parentId) : undefined;
      if (p) (p.children ??= []).push(n);
      else roots.push(n);
    }
    return roots;
  }, [q.data]);

  return (
    <PageContainer
      title={t('menu.network')}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))}>
            {t('a.addSource')}
          </Button>
        )
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Node>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={tree}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          key={tree.length}
          columns={[
            { title: t('f.sourceName'), dataIndex: 'name' },
            { title: t('f.sourceKind'), dataIndex: 'kind', render: (k) => <Tag>{l(SUPPLY_SOURCE_KIND_LABELS[k as keyof typeof SUPPLY_SOURCE_KIND_LABELS])}</Tag> },
            { title: t('f.sourceCode'), dataIndex: 'code' },
            { title: t('f.region'), dataIndex: 'region', render: (v) => v ?? '—' },
            {
              // summed downstream: a gas field shows the points its well stations feed; the direct count in brackets
              title: t('f.dps'),
              dataIndex: 'downstreamDeliveryPoints',
              align: 'right',
              render: (n: number, r) => (
                <span data-testid="source-dps">
                  {n}
                  {r.deliveryPoints !== n && (
                    <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                      {t('f.dpsDirect', { n: r.deliveryPoints })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
      <Modal
        title={t('a.addSource')}
        open={open}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        destroyOnHidden
        okText={tc('actions.confirm')}
        cancelText={tc('actions.cancel')}
        onOk={async () => {
          const v = await validFields(form);
          if (!v) return;
          save.mutate(
            { ...v, code: v.code || undefined, parentId: v.parentId ?? null, region: v.region || null },
            { onSuccess: () => (message.success(t('msg.saved')), setOpen(false)), onError: (e) => showApiError(form, e, message.error) },
          );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('f.sourceName')}
            rules={[
              { required: true, whitespace: true, message: t('v.required') },
              { min: 2, max: 60 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('f.sourceKind')} rules={[{ required: true, message: t('v.required') }]}>
            <Select options={SUPPLY_SOURCE_KINDS.map((k) => ({ value: k, label: l(SUPPLY_SOURCE_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('f.parent')}>
            <Select allowClear showSearch optionFilterProp="label" options={(q.data ?? []).map((s) => ({ value: s.id, label: paren(s.name, l(SUPPLY_SOURCE_KIND_LABELS[s.kind])) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('f.sourceCode')} rules={[{ pattern: /^[A-Za-z0-9_-]{2,30}$/ }]}>
            <Input placeholder="GF-001" />
          </Form.Item>
          <Form.Item name="region" label={t('f.region')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

/** Emergencies: list with filters and pagination; declare an event on nodes or a region. */
import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDateTime, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { EMERGENCY_KINDS, EVENT_STATUSES, supplyApi, useEvents, useNetwork, useSupplyMutation, type EmergencyKind, type EventFilter, type EventRow } from '../api';
import { EventStatusTag } from '../components/labels';
import { ignoreInvalid } from '../../../lib/forms';

/** The declare form's values. */
interface DeclareForm {
  kind: EmergencyKind;
  occurredAt: Dayjs;
  title: string;
  description?: string;
  nodeRefs?: string[];
  region?: string;
}

function DeclareDialog({ open, presetNode, onClose }: { open: boolean; presetNode: string | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const net = useNetwork();
  const [form] = Form.useForm<DeclareForm>();
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: 'pipeline_failure', occurredAt: dayjs(), nodeRefs: presetNode ? [presetNode] : [] });
  }, [open, presetNode, form]);
  const m = useSupplyMutation((v: DeclareForm) =>
    supplyApi.declare({ kind: v.kind, occurredAt: v.occurredAt.toISOString(), title: v.title, description: v.description ?? '', nodeRefs: v.nodeRefs ?? [], region: v.region || null }),
  );
  return (
    <Modal
      open={open}
      title={t('a.declare')}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'declare-submit' } as any}
      confirmLoading={m.isPending}
      onOk={() =>
        void form
          .validateFields()
          .then((v) =>
            m.mutate(v, {
              onSuccess: (r) => {
                void message.success(t('msg.declared', { n: r.customers }));
                onClose();
                navigate(`/supply/emergencies/${r.id}`);
              },
              onError: (e) => void message.error(e.message),
            }),
          )
          .catch(ignoreInvalid)
      }
      width={600}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('f.evKind')} rules={[{ required: true }]}>
          <Select options={EMERGENCY_KINDS.map((k) => ({ value: k, label: t(`evKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('f.occurredAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('f.title')} rules={[{ required: true, message: t('f.title') }]}>
          <Input maxLength={200} data-testid="event-title" />
        </Form.Item>
        <Form.Item name="description" label={t('f.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="nodeRefs" label={t('f.nodes')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={net.isLoading}
            options={(net.data?.nodes ?? []).filter((n) => !n.customer).map((n) => ({ value: n.id, label: paren(n.name, t(`kind.${n.kind}`)) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('f.region')}>
          <Input maxLength={60} placeholder="长宁县" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EventsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const canWrite = useCan('supply:write');
  const [params, setParams] = useSearchParams();
  const presetNode = params.get('node');
  const [open, setOpen] = useState(!!presetNode);
  const [filter, setFilter] = useState<EventFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const q = useEvents(filter);
  return (
    <PageContainer
      title={t('menu.events')}
      extra={
        canWrite && (
          <Button type="primary" danger data-testid="declare-open" onClick={() => setOpen(true)}>
            {t('a.declare')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('f.evKind')}
            options={EMERGENCY_KINDS.map((k) => ({ value: k, label: t(`evKind.${k}`) }))}
            onChange={(kind) => setFilter({ ...filter, kind, page: 1 })}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('f.status')}
            options={EVENT_STATUSES.map((k) => ({ value: k, label: t(`evStatus.${k}`) }))}
            onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          />
        </Space>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<EventRow>
          size="small"
          rowKey="id"
          data-testid="events-table"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: t('msg.noEvents') }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
          }}
          columns={[
            { title: t('f.occurredAt'), dataIndex: 'occurredAt', render: formatDateTime, width: 150 },
            { title: t('f.title'), dataIndex: 'title', render: (v, r) => <Link to={`/supply/emergencies/${r.id}`}>{v}</Link> },
            { title: t('f.evKind'), dataIndex: 'kind', render: (k) => t(`evKind.${k}`) },
            { title: t('f.nodes'), key: 'n', render: (_, r) => [...r.nodes.map((n) => n.name), ...(r.region ? [r.region] : [])].join('、') || '—' },
            { title: t('f.customers'), dataIndex: 'customers', align: 'right' },
            {
              title: t('f.checked'),
              key: 'c',
              align: 'right',
              render: (_, r) => (
                <Typography.Text type={r.checked < r.customers ? 'warning' : 'success'}>
                  {r.checked} / {r.customers}
                </Typography.Text>
              ),
            },
            { title: t('f.status'), dataIndex: 'status', render: (s) => <EventStatusTag status={s} /> },
          ]}
        />
      )}
      <DeclareDialog
        open={open}
        presetNode={presetNode}
        onClose={() => {
          setOpen(false);
          if (presetNode) setParams({});
        }}
      />
    </PageContainer>
  );
}

/** Interactions: filter bar, paginated table, export; for one customer (tab) or all in scope (page). */
import { useState } from 'react';
import { App, Button, DatePicker, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { useCan } from '../../../app/auth';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { interactionsApi, KINDS, TOPICS, usePaged, useSave, type Interaction, type Query } from '../api';
import { EnumSelect, StaffSelect } from './pickers';
import { InteractionDrawer } from './InteractionDrawer';

const KIND_COLOR: Record<string, string> = { phone: 'blue', visit: 'green', meeting: 'purple', online: 'cyan' };

export function InteractionsTable({ customerId }: { customerId?: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('customers:write');
  const [f, setF] = useState<Query>({ page: 1, pageSize: 20, customerId });
  const [drawer, setDrawer] = useState<{ open: boolean; editing?: Interaction | null }>({ open: false });
  const q = usePaged('/api/interactions', f);
  const set = (patch: Query) => setF({ ...f, ...patch, page: 1 });
  const del = useSave((id: number) => interactionsApi.deleteInteraction(id));
  const { page: _p, pageSize: _s, ...filters } = f;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <EnumSelect values={KINDS} group="kind" allowClear placeholder={t('f.kind')} style={{ width: 110 }} onChange={(v) => set({ kind: v })} />
        <EnumSelect values={TOPICS} group="topic" allowClear placeholder={t('f.topic')} style={{ width: 130 }} onChange={(v) => set({ topic: v })} />
        <StaffSelect allowClear placeholder={t('f.owner')} style={{ width: 140 }} onChange={(v) => set({ ownerId: v })} />
        <DatePicker.RangePicker onChange={(r) => set({ from: (r?.[0] as Dayjs | undefined)?.format('YYYY-MM-DD'), to: (r?.[1] as Dayjs | undefined)?.format('YYYY-MM-DD') })} />
        {!customerId && <Input.Search allowClear placeholder={t('f.keyword')} style={{ width: 200 }} onSearch={(v) => set({ q: v || undefined })} />}
        <Button icon={<DownloadOutlined />} onClick={() => interactionsApi.exportInteractions(filters).catch((e) => message.error(e.message))}>
          {tc('actions.export')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, editing: null })}>
            {t('a.log')}
          </Button>
        )}
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Interaction>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: tc('state.empty') }}
          pagination={{
            current: Number(f.page),
            pageSize: Number(f.pageSize),
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Space direction="vertical" size={2}>
                <Typography.Text>{r.summary}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('f.users')}：{r.users.map((u) => u.name).join('、') || '—'}；{t('f.contacts')}：{r.contacts.map((c) => c.name).join('、') || '—'}
                  {r.otherParticipants ? `；${t('f.others')}：${r.otherParticipants}` : ''}
                </Typography.Text>
                {r.nextStep && (
                  <Typography.Text type="secondary">
                    {t('f.nextStep')}：{r.nextStep}
                  </Typography.Text>
                )}
              </Space>
            ),
          }}
          columns={[
            { title: t('f.date'), dataIndex: 'occurredOn', width: 110 },
            ...(customerId ? [] : [{ title: t('f.customer'), key: 'customer', render: (_: unknown, r: Interaction) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> }]),
            { title: t('f.kind'), dataIndex: 'kind', width: 80, render: (v: string) => <Tag color={KIND_COLOR[v]}>{t(`kind.${v}`)}</Tag> },
            { title: t('f.topic'), dataIndex: 'topic', width: 100, render: (v: string) => t(`topic.${v}`) },
            { title: t('f.summary'), dataIndex: 'summary', ellipsis: true },
            { title: t('f.owner'), dataIndex: 'ownerName', width: 100 },
            ...(canWrite
              ? [
                  {
                    title: tc('fields.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, r: Interaction) => (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => setDrawer({ open: true, editing: r })}>
                          {tc('actions.edit')}
                        </Button>
                        <Popconfirm
                          title={t('a.deleteConfirm')}
                          okText={tc('actions.confirm')}
                          cancelText={tc('actions.cancel')}
                          onConfirm={() =>
                            del.mutateAsync(r.id).then(
                              () => message.success(t('msg.deleted')),
                              (e) => message.error(e.message),
                            )
                          }
                        >
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
      )}
      <InteractionDrawer open={drawer.open} editing={drawer.editing} customerId={customerId} onClose={() => setDrawer({ open: false })} />
    </>
  );
}

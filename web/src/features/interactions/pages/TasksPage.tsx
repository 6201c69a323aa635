/** 我的待办: my follow-up tasks (and, for leads, everyone's in scope), overdue highlighted. */
import { useState } from 'react';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan, useMe } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { interactionsApi, usePaged, useSave, type Query, type Task } from '../api';
import { StaffSelect } from '../components/pickers';
import { TaskDrawer } from '../components/TaskDrawer';

export default function TasksPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const canWrite = useCan('customers:write');
  const [f, setF] = useState<Query>({ page: 1, pageSize: 20, status: 'open', assigneeId: me?.id });
  const [open, setOpen] = useState(false);
  const q = usePaged('/api/tasks', f);
  const set = (patch: Query) => setF({ ...f, ...patch, page: 1 });
  const finish = useSave((v: { id: number; how: 'done' | 'cancel' }) => interactionsApi.finishTask(v.id, v.how));
  const run = (id: number, how: 'done' | 'cancel') =>
    finish.mutateAsync({ id, how }).then(
      () => message.success(t('msg.done')),
      (e) => message.error(e.message),
    );

  return (
    <PageContainer
      title={t('menu.tasks')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('a.newTask')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <StaffSelect allowClear placeholder={t('f.assignee')} style={{ width: 160 }} value={f.assigneeId as number | undefined} onChange={(v) => set({ assigneeId: v })} />
        <Select
          allowClear
          placeholder={t('f.status')}
          style={{ width: 120 }}
          value={f.status as string | undefined}
          options={(['open', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
          onChange={(v) => set({ status: v })}
        />
        <Select allowClear placeholder={t('f.overdue')} style={{ width: 110 }} options={[{ value: 'true', label: t('f.overdue') }]} onChange={(v) => set({ overdue: v })} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Task>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: t('msg.noneDue') }}
          rowClassName={(r) => (r.overdue ? 'qike-row-overdue' : '')}
          scroll={{ x: 920 }}
          pagination={{
            current: Number(f.page),
            pageSize: Number(f.pageSize),
            total: q.data?.total,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
          }}
          columns={[
            {
              title: t('f.dueOn'),
              dataIndex: 'dueOn',
              width: 140,
              render: (v: string, r) =>
                r.overdue ? (
                  <Tag color="red">
                    {v} · {t('f.overdue')}
                  </Tag>
                ) : (
                  v
                ),
            },
            { title: t('f.task'), dataIndex: 'title', width: 220 },
            { title: t('f.customer'), dataIndex: 'customerName', width: 220, render: (v: string | null, r) => (v ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : '—') },
            { title: t('f.assignee'), dataIndex: 'assigneeName', width: 100 },
            { title: t('f.status'), dataIndex: 'status', width: 90, render: (v: string) => t(`taskStatus.${v}`) },
            {
              title: tc('fields.actions'),
              key: 'a',
              width: 150,
              render: (_, r) =>
                r.status === 'open' && canWrite ? (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => run(r.id, 'done')}>
                      {t('a.done')}
                    </Button>
                    <Button size="small" type="link" danger onClick={() => run(r.id, 'cancel')}>
                      {t('a.cancelTask')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
      <TaskDrawer open={open} onClose={() => setOpen(false)} />
      <style>{'.qike-row-overdue td { background: #fff1f0 !important; }'}</style>
    </PageContainer>
  );
}

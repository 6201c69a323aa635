/** Customer issues: filters, table with response times and overdue flag, workflow actions, export. */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { interactionsApi, hours, ISSUE_STATUSES, TOPICS, usePaged, useSave, type Issue, type IssueStatus, type Query } from '../api';
import { EnumSelect, StaffSelect } from './pickers';
import { IssueDrawer } from './IssueDrawer';
import { validated } from './form-errors';

const STATUS_COLOR: Record<IssueStatus, string> = { open: 'orange', in_progress: 'blue', resolved: 'green', closed: 'default' };
const ACTION: Record<IssueStatus, string> = { in_progress: 'a.start', resolved: 'a.resolve', closed: 'a.close', open: '' };

export function IssuesTable({ customerId }: { customerId?: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('customers:write');
  const [f, setF] = useState<Query>({ page: 1, pageSize: 20, customerId });
  const [drawer, setDrawer] = useState<{ open: boolean; editing?: Issue | null }>({ open: false });
  const [resolving, setResolving] = useState<Issue | null>(null);
  const [form] = Form.useForm<{ resolution: string }>();
  const q = usePaged('/api/issues', f);
  const set = (patch: Query) => setF({ ...f, ...patch, page: 1 });
  const move = useSave((v: { id: number; to: IssueStatus; resolution?: string }) => interactionsApi.moveIssue(v.id, { to: v.to, resolution: v.resolution }));
  const { page: _p, pageSize: _s, ...filters } = f;

  const act = (r: Issue, to: IssueStatus) => {
    if (to === 'resolved') {
      form.resetFields();
      setResolving(r);
      return;
    }
    move.mutateAsync({ id: r.id, to }).then(
      () => message.success(t('msg.saved')),
      (e) => message.error(e.message),
    );
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <EnumSelect values={ISSUE_STATUSES} group="issueStatus" allowClear placeholder={t('f.status')} style={{ width: 120 }} onChange={(v) => set({ status: v })} />
        <EnumSelect values={TOPICS} group="topic" allowClear placeholder={t('f.topic')} style={{ width: 130 }} onChange={(v) => set({ topic: v })} />
        <StaffSelect allowClear placeholder={t('f.owner')} style={{ width: 140 }} onChange={(v) => set({ ownerId: v })} />
        <Select allowClear placeholder={t('f.overdue')} style={{ width: 110 }} options={[{ value: 'true', label: t('f.overdue') }]} onChange={(v) => set({ overdue: v })} />
        {!customerId && <Input.Search allowClear placeholder={t('f.keyword')} style={{ width: 200 }} onSearch={(v) => set({ q: v || undefined })} />}
        <Button icon={<DownloadOutlined />} onClick={() => interactionsApi.exportIssues(filters).catch((e) => message.error(e.message))}>
          {tc('actions.export')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, editing: null })}>
            {t('a.raise')}
          </Button>
        )}
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Issue>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: tc('state.empty') }}
          rowClassName={(r) => (r.overdue ? 'qike-row-overdue' : '')}
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
              <div>
                {r.description ?? '—'}
                {r.resolution && (
                  <div>
                    {t('f.resolution')}：{r.resolution}
                  </div>
                )}
              </div>
            ),
          }}
          columns={[
            { title: t('f.raisedAt'), dataIndex: 'raisedAt', width: 140, render: formatDateTime },
            ...(customerId ? [] : [{ title: t('f.customer'), key: 'c', render: (_: unknown, r: Issue) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> }]),
            { title: t('f.issue'), dataIndex: 'title', ellipsis: true },
            { title: t('f.topic'), dataIndex: 'topic', width: 90, render: (v: string) => t(`topic.${v}`) },
            { title: t('f.owner'), dataIndex: 'ownerName', width: 90 },
            {
              title: t('f.dueOn'),
              dataIndex: 'dueOn',
              width: 110,
              render: (v: string, r: Issue) =>
                r.overdue ? (
                  <Tag color="red">
                    {v} · {t('f.overdue')}
                  </Tag>
                ) : r.resolvedLate ? (
                  <Tooltip title={t('f.overdue')}>
                    <Tag color="volcano">{v}</Tag>
                  </Tooltip>
                ) : (
                  v
                ),
            },
            { title: t('f.status'), dataIndex: 'status', width: 90, render: (v: IssueStatus) => <Tag color={STATUS_COLOR[v]}>{t(`issueStatus.${v}`)}</Tag> },
            { title: `${t('f.firstResponse')} (h)`, dataIndex: 'firstResponseMinutes', width: 110, align: 'right' as const, render: hours },
            { title: `${t('f.resolutionTime')} (h)`, dataIndex: 'resolutionMinutes', width: 110, align: 'right' as const, render: hours },
            ...(canWrite
              ? [
                  {
                    title: tc('fields.actions'),
                    key: 'a',
                    width: 170,
                    render: (_: unknown, r: Issue) => (
                      <Space size={0} wrap>
                        {r.allowedTransitions.map((to) => (
                          <Button key={to} size="small" type="link" onClick={() => act(r, to)}>
                            {r.status === 'resolved' && to === 'in_progress' ? t('a.reopen') : t(ACTION[to])}
                          </Button>
                        ))}
                        {r.status !== 'closed' && (
                          <Button size="small" type="link" onClick={() => setDrawer({ open: true, editing: r })}>
                            {tc('actions.edit')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <IssueDrawer open={drawer.open} editing={drawer.editing} customerId={customerId} onClose={() => setDrawer({ open: false })} />
      <Modal
        open={!!resolving}
        title={`${t('a.resolve')}：${resolving?.title ?? ''}`}
        onCancel={() => setResolving(null)}
        okText={tc('actions.confirm')}
        cancelText={tc('actions.cancel')}
        confirmLoading={move.isPending}
        onOk={async () => {
          const v = await validated(form);
          if (!v) return;
          try {
            await move.mutateAsync({ id: resolving!.id, to: 'resolved', resolution: v.resolution });
            message.success(t('msg.saved'));
            setResolving(null);
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="resolution" label={t('f.resolution')} rules={[{ required: true, whitespace: true, message: t('msg.resolutionRequired') }, { max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
      <style>{'.qike-row-overdue td { background: #fff1f0 !important; }'}</style>
    </>
  );
}

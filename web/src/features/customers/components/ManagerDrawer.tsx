/** Manager responsibility: current managers, assign / reassign / remove, and the assignment history. */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MANAGER_KINDS, MANAGER_KIND_LABELS, type ManagerKind } from '@common/customers';
import { formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { customersApi, useAssignments, useSave, useStaff, type Customer } from '../api';
import { useLbl } from '../labels';
import { showApiError } from './form-errors';

export function ManagerDrawer({ customer, open, onClose, canAssign }: { customer: Customer; open: boolean; onClose: () => void; canAssign: boolean }) {
  const { t } = useTranslation(NS);
  const l = useLbl();
  const { message } = App.useApp();
  const [assignForm] = Form.useForm();
  const [reassignForm] = Form.useForm();
  const [removeReason, setRemoveReason] = useState('');
  const history = useAssignments(customer.id, open);
  const ams = useStaff('account_manager');
  const pts = useStaff('part_time_manager');
  const kind: ManagerKind | undefined = Form.useWatch('kind', assignForm);
  const fullTime = customer.managers.find((m) => m.kind === 'full_time');
  const people = kind === 'full_time' ? (ams.data ?? []) : [...(pts.data ?? []), ...(ams.data ?? [])];

  const assign = useSave((v: { userId: number; kind: ManagerKind; reason?: string }) => customersApi.assignManager(customer.id, v));
  const reassign = useSave((v: { toUserId: number; reason: string }) => customersApi.reassignManagers(customer.id, v));
  const remove = useSave((v: { assignmentId: number; reason: string }) => customersApi.unassignManager(customer.id, v.assignmentId, { reason: v.reason }));
  const done = () => message.success(t('msg.saved'));

  return (
    <Drawer title={`${t('managerDrawer.title')} · ${customer.name}`} open={open} onClose={onClose} width={720} destroyOnHidden>
      <Alert type="info" showIcon message={t('managerDrawer.fullTimeRequired')} style={{ marginBottom: 12 }} />
      <Card size="small" title={t('managerDrawer.current')} style={{ marginBottom: 12 }}>
        {customer.managers.length === 0 && <span>{t('managerDrawer.none')}</span>}
        {customer.managers.map((m) => (
          <Descriptions key={m.assignmentId} size="small" column={3} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={l(MANAGER_KIND_LABELS[m.kind])}>{m.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('f.phone')}>{m.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item>
              {canAssign && (
                <Popconfirm
                  title={<Input placeholder={t('managerDrawer.reasonPrompt')} onChange={(e) => setRemoveReason(e.target.value)} />}
                  onConfirm={() =>
                    removeReason.trim()
                      ? remove.mutate({ assignmentId: m.assignmentId, reason: removeReason.trim() }, { onSuccess: done, onError: (e) => message.error(e.message) })
                      : message.warning(t('managerDrawer.reasonPrompt'))
                  }
                >
                  <Button size="small" danger>
                    {t('a.unassign')}
                  </Button>
                </Popconfirm>
              )}
            </Descriptions.Item>
          </Descriptions>
        ))}
      </Card>
      {canAssign && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('managerDrawer.assignTitle')}>
            <Form
              form={assignForm}
              layout="inline"
              initialValues={{ kind: fullTime ? 'part_time' : 'full_time' }}
              onFinish={(v) => assign.mutate(v, { onSuccess: () => (done(), assignForm.resetFields(['userId', 'reason'])), onError: (e) => showApiError(assignForm, e, message.error) })}
            >
              <Form.Item name="kind" rules={[{ required: true }]}>
                <Select style={{ width: 140 }} options={MANAGER_KINDS.map((k) => ({ value: k, label: l(MANAGER_KIND_LABELS[k]) }))} />
              </Form.Item>
              <Form.Item name="userId" rules={[{ required: true, message: t('v.required') }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 160 }}
                  placeholder={t('f.user')}
                  options={people.map((u) => ({ value: u.id, label: u.displayName }))}
                  data-testid="manager-user"
                />
              </Form.Item>
              <Form.Item name="reason">
                <Input placeholder={t('f.reason')} style={{ width: 160 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="manager-assign">
                {t('a.assign')}
              </Button>
            </Form>
          </Card>
          {fullTime && (
            <Card size="small" title={t('managerDrawer.reassignTitle')}>
              <Form
                form={reassignForm}
                layout="inline"
                onFinish={(v) => reassign.mutate(v, { onSuccess: () => (done(), reassignForm.resetFields()), onError: (e) => showApiError(reassignForm, e, message.error) })}
              >
                <Form.Item name="toUserId" rules={[{ required: true, message: t('v.required') }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 160 }}
                    placeholder={t('f.user')}
                    options={(ams.data ?? []).filter((u) => u.id !== fullTime.userId).map((u) => ({ value: u.id, label: u.displayName }))}
                  />
                </Form.Item>
                <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
                  <Input placeholder={t('f.reason')} style={{ width: 200 }} />
                </Form.Item>
                <Button htmlType="submit" loading={reassign.isPending}>
                  {t('a.reassign')}
                </Button>
              </Form>
            </Card>
          )}
        </Space>
      )}
      <Card size="small" title={t('managerDrawer.history')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="assignmentId"
          loading={history.isLoading}
          dataSource={history.data}
          pagination={false}
          columns={[
            { title: t('f.user'), dataIndex: 'displayName' },
            { title: t('f.kind'), dataIndex: 'kind', render: (k: ManagerKind) => <Tag>{l(MANAGER_KIND_LABELS[k])}</Tag> },
            { title: t('f.assignedAt'), dataIndex: 'assignedAt', render: (v) => formatDateTime(v) },
            { title: t('f.unassignedAt'), dataIndex: 'unassignedAt', render: (v) => (v ? formatDateTime(v) : <Tag color="green">{t('managerDrawer.current')}</Tag>) },
            { title: t('f.reason'), key: 'r', render: (_, r) => [r.reason, r.unassignReason].filter(Boolean).join(' / ') || '—' },
          ]}
        />
      </Card>
    </Drawer>
  );
}

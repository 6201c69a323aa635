import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES, DEPARTMENTS } from '@common/roles';
import { ApiError } from '../../lib/api';
import { adminApi, type User, type UserFilter } from './api';
import { PageContainer } from '../../components/PageContainer';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { LoginLocks } from './LoginLocks';
import './i18n';

export default function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<UserFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [pwForm] = Form.useForm();
  const list = useQuery({ queryKey: ['admin', 'users', filter], queryFn: () => adminApi.users(filter), placeholderData: keepPreviousData });
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin', 'users'] });

  const save = useMutation({
    mutationFn: (v: any) => (editing === 'new' ? adminApi.createUser(v) : adminApi.updateUser((editing as User).id, v)),
    onSuccess: () => {
      message.success(editing === 'new' ? t('users.created') : t('users.updated'));
      setEditing(null);
      void refresh();
    },
    onError: (e: ApiError) => message.error(e.message),
  });
  const toggle = useMutation({ mutationFn: (u: User) => adminApi.updateUser(u.id, { disabled: !u.disabled }), onSuccess: () => void refresh(), onError: (e: ApiError) => message.error(e.message) });
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => adminApi.resetPassword(resetting!.id, v),
    onSuccess: () => {
      message.success(t('users.resetDone'));
      setResetting(null);
    },
    onError: (e: ApiError) => pwForm.setFields([{ name: 'newPassword', errors: [e.message] }]),
  });

  const roleOptions = ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }));
  const roles = Form.useWatch('roles', form) as string[] | undefined;

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setEditing('new');
          }}
        >
          {t('users.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('users.search')} onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 240 }} />
        <Select allowClear placeholder={t('users.roles')} options={roleOptions} style={{ width: 180 }} onChange={(role) => setFilter({ ...filter, role, page: 1 })} />
      </Space>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
          }}
          columns={[
            { title: t('users.username'), dataIndex: 'username' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{tc(`roles.${r}`)}</Tag>) },
            { title: t('users.department'), dataIndex: 'department', render: (d: string | null) => (d ? tc(`departments.${d}`, { defaultValue: d }) : '—') },
            { title: t('users.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
            { title: t('users.disabled'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('users.inactive')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
            { title: tc('fields.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            {
              title: tc('fields.actions'),
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      form.setFieldsValue(u);
                      setEditing(u);
                    }}
                  >
                    {tc('actions.edit')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      pwForm.resetFields();
                      setResetting(u);
                    }}
                  >
                    {t('users.reset')}
                  </Button>
                  {u.disabled ? (
                    <Button type="link" size="small" onClick={() => toggle.mutate(u)}>
                      {t('users.enable')}
                    </Button>
                  ) : (
                    <Popconfirm title={t('users.disableConfirm')} onConfirm={() => toggle.mutate(u)}>
                      <Button type="link" size="small" danger>
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={!!editing}
        width={420}
        title={editing === 'new' ? t('users.create') : t('users.edit')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {tc('actions.save')}
          </Button>
        }
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            const { username, password, ...rest } = v;
            const body = { ...rest, department: rest.department || null, phone: rest.phone || null, email: rest.email || null };
            save.mutate(editing === 'new' ? { ...body, username, password } : body);
          }}
        >
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.-]{3,64}$/ }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={roleOptions} />
          </Form.Item>
          <Form.Item name="department" label={t('users.department')} rules={[{ required: roles?.includes('reviewer') }]}>
            {roles?.includes('reviewer') ? <Select allowClear options={DEPARTMENTS.map((d) => ({ value: d, label: tc(`departments.${d}`) }))} /> : <Input />}
          </Form.Item>
          <Form.Item name="phone" label={t('users.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[{ required: true }, { min: 10 }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Drawer>
      <Modal
        open={!!resetting}
        title={t('users.resetTitle', { name: resetting?.displayName })}
        onCancel={() => setResetting(null)}
        onOk={() => pwForm.submit()}
        confirmLoading={reset.isPending}
        destroyOnHidden
      >
        <Form form={pwForm} layout="vertical" onFinish={(v) => reset.mutate(v)}>
          <Form.Item name="newPassword" label={t('users.password')} extra={t('users.passwordHint')} rules={[{ required: true }, { min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <LoginLocks />
    </PageContainer>
  );
}

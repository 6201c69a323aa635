import { App, Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { authApi } from './api';
import { addTranslations } from '../../app/i18n';
import { ME_KEY } from '../../app/auth';

addTranslations(
  'auth',
  {
    title: '修改密码',
    forced: '首次登录或密码已被重置，请先设置新密码。',
    current: '当前密码',
    next: '新密码',
    repeat: '再次输入新密码',
    mismatch: '两次输入的密码不一致',
    rule: '至少 10 位，包含字母和数字',
    done: '密码已修改，其他设备上的登录已失效',
    login: { title: '登录', username: '用户名', password: '密码', submit: '登录', required: '请输入{{field}}', demo: '演示账号：admin、lead、am01、finance 等，密码 qike2026demo' },
  },
  {
    title: 'Change password',
    forced: 'Your password was set by an administrator; please choose a new one.',
    current: 'Current password',
    next: 'New password',
    repeat: 'Repeat new password',
    mismatch: 'The passwords do not match',
    rule: 'At least 10 characters with letters and digits',
    done: 'Password changed; other sessions were signed out',
    login: {
      title: 'Sign in',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      required: 'Please enter the {{field}}',
      demo: 'Demo accounts: admin, lead, am01, finance…, password qike2026demo',
    },
  },
);

export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => authApi.changePassword(v),
    onSuccess: () => {
      message.success(t('done'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ME_KEY });
      onClose();
    },
    onError: (e: ApiError) => {
      const field = e.code === 'WRONG_PASSWORD' ? 'currentPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [e.message] }]);
    },
  });
  return (
    <Modal
      open={open}
      title={t('title')}
      closable={!forced}
      maskClosable={false}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon message={t('forced')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}>
        <Form.Item name="currentPassword" label={t('current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('next')} extra={t('rule')} rules={[{ required: true }, { min: 10, message: t('rule') }, { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: t('rule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('repeat')}
          dependencies={['newPassword']}
          rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

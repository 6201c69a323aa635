import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { authApi } from './api';
import { ME_KEY, useMe } from '../../app/auth';
import i18n, { rememberLang } from '../../app/i18n';
import './ChangePasswordModal';

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const meta = useQuery({ queryKey: ['meta'], queryFn: () => authApi.meta(), staleTime: Infinity });
  const m = useMutation({
    mutationFn: (v: { username: string; password: string }) => authApi.login(v),
    onSuccess: async (user) => {
      qc.setQueryData(ME_KEY, user);
      rememberLang(user.lang);
      await i18n.changeLanguage(user.lang);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    },
  });
  if (me.data) return <Navigate to="/" replace />;
  const err = m.error as ApiError | null;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#e6f4ff 0%,#f5f5f5 60%)' }}>
      <Card style={{ width: 380 }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <Typography.Title level={3} style={{ marginBottom: 0, color: '#1677ff' }}>
            {tc('appName')} Qike
          </Typography.Title>
          <Typography.Text type="secondary">{tc('appSubtitle')}</Typography.Text>
        </div>
        {err && <Alert type="error" showIcon message={err.message} style={{ marginBottom: 12 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={(v) => m.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={m.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {meta.data?.demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('login.demo')}
          </Typography.Paragraph>
        )}
        <div style={{ textAlign: 'center' }}>
          <Button
            type="link"
            size="small"
            onClick={() => {
              const next = i18n.language === 'en' ? 'zh-CN' : 'en';
              rememberLang(next);
              void i18n.changeLanguage(next);
            }}
          >
            {tc('user.language')}
          </Button>
        </div>
      </Card>
    </div>
  );
}

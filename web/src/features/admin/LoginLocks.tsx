/** Sign-in lockouts (administrators): keys with failed attempts or a lock, and clearing one. */
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { adminApi } from './api';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import './i18n';

export function LoginLocks() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['admin', 'login-throttles'], queryFn: () => adminApi.loginThrottles() });
  const clear = useMutation({
    mutationFn: (key: string) => adminApi.clearLoginThrottle(key),
    onSuccess: () => {
      message.success(t('locks.cleared'));
      void qc.invalidateQueries({ queryKey: ['admin', 'login-throttles'] });
    },
    onError: (e: ApiError) => message.error(e.message),
  });
  const limits = q.data?.limits;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('locks.title')} extra={limits && <Typography.Text type="secondary">{t('locks.policy', limits)}</Typography.Text>}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="key"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('locks.empty') }}
          columns={[
            { title: t('locks.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`locks.${k === 'ip' ? 'ip' : 'user'}`)}</Tag> },
            { title: t('locks.value'), dataIndex: 'value' },
            { title: t('locks.failures'), dataIndex: 'failures', align: 'right' },
            { title: t('locks.lockedUntil'), dataIndex: 'lockedUntil', render: (v: string | null) => (v ? <Tag color="red">{formatDateTime(v)}</Tag> : '—') },
            { title: t('locks.last'), dataIndex: 'lastAttemptAt', render: formatDateTime },
            {
              title: '',
              key: 'a',
              render: (_: unknown, r) => (
                <Popconfirm title={t('locks.clearConfirm')} onConfirm={() => clear.mutate(r.key)}>
                  <Button size="small">{t('locks.clear')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

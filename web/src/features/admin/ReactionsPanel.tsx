/** The durable reaction queue between modules (platform/events) on the jobs page: pending, failed (with the error), retry. */
import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addTranslations } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { adminApi, type ReactionRow } from './api';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';

addTranslations(
  'reactions',
  {
    title: '模块联动队列',
    hint: '一个模块的变更触发另一个模块的处理（如气量更正后自动重算已计费日的气费），失败自动重试，多次失败在此显示并提醒管理员。',
    status: '状态',
    all: '全部',
    pending: '待处理',
    done: '已完成',
    failed: '失败',
    reaction: '联动',
    event: '事件',
    attempts: '尝试次数',
    created: '产生时间',
    next: '下次尝试',
    error: '错误',
    retry: '重试',
    retried: '已重新排队',
  },
  {
    title: 'Reactions between modules',
    hint: 'A change in one module triggers work in another (e.g. a corrected delivery re-prices charged days); failures are retried automatically, and repeated failures show here and alert administrators.',
    status: 'Status',
    all: 'All',
    pending: 'Pending',
    done: 'Done',
    failed: 'Failed',
    reaction: 'Reaction',
    event: 'Event',
    attempts: 'Attempts',
    created: 'Created',
    next: 'Next attempt',
    error: 'Error',
    retry: 'Retry',
    retried: 'Queued again',
  },
);

type Status = ReactionRow['status'];
const color: Record<Status, string> = { pending: 'blue', done: 'green', failed: 'red' };

export function ReactionsPanel() {
  const { t } = useTranslation('reactions');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | 'all'>('failed');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['reactions', status, page],
    queryFn: () => adminApi.reactions({ status: status === 'all' ? undefined : status, page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: (id: number) => adminApi.retryReaction(id),
    onSuccess: () => {
      message.success(t('retried'));
      void qc.invalidateQueries({ queryKey: ['reactions'] });
    },
    onError: (e: ApiError) => message.error(e.message),
  });
  const counts = q.data?.counts;
  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 12 }} data-testid="reactions-panel">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as Status | 'all');
            setPage(1);
          }}
          options={(['failed', 'pending', 'done', 'all'] as const).map((s) => ({ value: s, label: s === 'all' ? t('all') : `${t(s)}${counts ? ` ${counts[s]}` : ''}` }))}
        />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ReactionRow>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 10, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('reaction'), dataIndex: 'reaction', fixed: 'left', width: 240 },
            { title: t('event'), dataIndex: 'event', width: 220 },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: Status) => <Tag color={color[s]}>{t(s)}</Tag> },
            { title: t('attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            { title: t('created'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
            { title: t('next'), dataIndex: 'nextAttemptAt', width: 160, render: (v: string, r) => (r.status === 'pending' ? formatDateTime(v) : '—') },
            { title: t('error'), dataIndex: 'lastError', render: (e: string | null) => e && <Typography.Text type="danger">{e}</Typography.Text> },
            {
              title: '',
              key: 'retry',
              width: 80,
              render: (_: unknown, r) =>
                r.status === 'failed' && (
                  <Button size="small" loading={retry.isPending} onClick={() => retry.mutate(r.id)}>
                    {t('retry')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

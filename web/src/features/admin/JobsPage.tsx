import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { adminApi, type Job } from './api';
import { PageContainer } from '../../components/PageContainer';
import { ErrorState, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import './i18n';
import { ReactionsPanel } from './ReactionsPanel';

const color: Record<string, string> = { succeeded: 'green', failed: 'red', running: 'blue', interrupted: 'orange' };

function JobCard({ job }: { job: Job }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key, setKey] = useState(job.defaultKey);
  const run = useMutation({
    mutationFn: () => adminApi.runJob(job.name, key),
    onSuccess: (r) => {
      (r.status === 'succeeded' ? message.success : message.error)(t('jobs.ran', { status: t(`jobs.${r.status}`) }) + (r.error ? `：${r.error}` : ''));
      void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (e: ApiError) => message.error(e.message),
  });
  return (
    <Card
      size="small"
      title={
        <Space>
          {job.description}
          {/* the job's identifier (as in the CLI and the API), not words to translate */}
          <Typography.Text type="secondary" code translate="no">
            {job.name}
          </Typography.Text>
        </Space>
      }
      extra={
        job.dailyAt && (
          <Tag>
            {t('jobs.dailyAt')} {job.dailyAt}
          </Tag>
        )
      }
      style={{ marginBottom: 12 }}
    >
      {job.failing.map((f) => (
        <Alert
          key={f.runKey}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('jobs.failingTitle', { key: f.runKey, n: f.failures })}
          description={
            <>
              {f.retrying ? t('jobs.retrying') : t('jobs.gaveUp')}
              {f.lastError && (
                <div>
                  <Typography.Text type="secondary">{f.lastError}</Typography.Text>
                </div>
              )}
            </>
          }
        />
      ))}
      <Space style={{ marginBottom: 8 }}>
        <Input prefix={<Typography.Text type="secondary">{t('jobs.key')}</Typography.Text>} aria-label={t('jobs.key')} value={key} onChange={(e) => setKey(e.target.value)} style={{ width: 300 }} />
        <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>
          {t('jobs.run')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={job.lastRuns}
        columns={[
          { title: t('jobs.key'), dataIndex: 'runKey' },
          { title: t('jobs.status'), dataIndex: 'status', render: (s) => <Tag color={color[s]}>{t(`jobs.${s}`)}</Tag> },
          { title: t('jobs.started'), dataIndex: 'startedAt', render: formatDateTime },
          { title: t('jobs.by'), dataIndex: 'triggeredBy' },
          { title: '', dataIndex: 'error', render: (e) => e && <Typography.Text type="danger">{e}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

export default function JobsPage() {
  const { t } = useTranslation('admin');
  const q = useQuery({ queryKey: ['jobs'], queryFn: () => adminApi.jobs() });
  return (
    <PageContainer title={t('jobs.title')}>
      <ReactionsPanel />
      {q.isLoading ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data!.length === 0 ? (
        <Empty />
      ) : (
        q.data!.map((j) => <JobCard key={j.name} job={j} />)
      )}
    </PageContainer>
  );
}

/** 待执行指令: the operation area's instructions, with the confirm action. */
import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useRegions } from '../../../lib/regions';
import { NS } from '../i18n';
import { useInstructions, type InstructionRow } from '../api';
import { StepLabel, StepStatusTag } from '../components/tags';
import { ConfirmDialog } from '../components/dialogs';

export default function InboxPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const [status, setStatus] = useState<'pending' | 'done' | 'all'>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [confirm, setConfirm] = useState<InstructionRow | null>(null);
  const q = useInstructions(status, page.page, page.pageSize);
  return (
    <PageContainer
      title={t('menu.inbox')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            setPage({ ...page, page: 1 });
          }}
          options={(['pending', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`inbox.${s}`) }))}
        />
      }
    >
      <Alert type="info" showIcon message={t('msg.inboxHint')} style={{ marginBottom: 12 }} />
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<InstructionRow>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items}
          scroll={{ x: 900 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: q.data?.total ?? 0,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('f.actedAt'), dataIndex: 'actedAt', render: formatDateTime },
            {
              title: t('f.step'),
              dataIndex: 'kind',
              render: (k) => (
                <Tag color={k === 'stop' ? 'red' : k === 'restore' ? 'green' : 'orange'}>
                  <StepLabel kind={k} />
                </Tag>
              ),
            },
            { title: t('f.customer'), key: 'c', render: (_, r) => <Link to={`/procedures/${r.caseId}`}>{r.customer.name}</Link> },
            {
              title: t('f.address'),
              key: 'a',
              render: (_, r) => [regions.short({ city: r.customer.city, county: r.customer.county }), r.customer.address].filter((x) => x && x !== '—').join(' ') || '—',
            },
            { title: t('f.targetVolume'), dataIndex: 'targetVolumeM3', render: (v) => (v ? formatNumber(v, 0) : '—') },
            { title: t('f.actor'), key: 'actor', render: (_, r) => r.actor?.name ?? '—' },
            { title: t('f.status'), dataIndex: 'status', render: (s) => <StepStatusTag status={s} /> },
            { title: t('f.executedAt'), key: 'e', render: (_, r) => (r.executedAt ? `${formatDateTime(r.executedAt)} ${r.executorName ?? ''}` : '—') },
            {
              title: tc('fields.actions'),
              key: 'x',
              render: (_, r) => (
                <Space>
                  {r.status === 'pending_execution' && (
                    <Button size="small" type="primary" onClick={() => setConfirm(r)}>
                      {t('a.confirm')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <ConfirmDialog step={confirm} onClose={() => setConfirm(null)} />
    </PageContainer>
  );
}

/** 停气审批 (保民用): stops of residential customers awaiting the sales lead. */
import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { useApprovals, type InstructionRow } from '../api';
import { LevelTag, StepStatusTag } from '../components/tags';
import { DecisionDialog } from '../components/dialogs';

export default function ApprovalsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [status, setStatus] = useState<'pending' | 'decided' | 'all'>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [decision, setDecision] = useState<{ caseId: number; stepId: number; decision: 'approve' | 'reject' } | null>(null);
  const q = useApprovals(status, page.page, page.pageSize);
  return (
    <PageContainer
      title={t('menu.approvals')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            setPage({ ...page, page: 1 });
          }}
          options={(['pending', 'decided', 'all'] as const).map((s) => ({ value: s, label: t(`approvals.${s}`) }))}
        />
      }
    >
      <Alert type="warning" showIcon message={t('msg.approvalsHint')} style={{ marginBottom: 12 }} />
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
            { title: t('f.customer'), key: 'c', render: (_, r) => <Link to={`/procedures/${r.caseId}`}>{r.customer.name}</Link> },
            { title: t('f.actor'), key: 'actor', render: (_, r) => r.actor?.name ?? '—' },
            { title: t('f.levelAt'), dataIndex: 'levelAt', render: (l) => <LevelTag level={l} /> },
            { title: t('f.note'), dataIndex: 'note', render: (n) => n ?? '—' },
            { title: t('f.status'), dataIndex: 'status', render: (s) => <StepStatusTag status={s} /> },
            {
              title: t('f.approvedBy'),
              key: 'd',
              render: (_, r) => (r.rejectedBy ? `${r.rejectedBy.name}：${r.rejectReason}` : r.approvedBy ? `${r.approvedBy.name}${r.approvalNote ? `：${r.approvalNote}` : ''}` : '—'),
            },
            {
              title: tc('fields.actions'),
              key: 'x',
              render: (_, r) =>
                r.status === 'pending_approval' && (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDecision({ caseId: r.caseId, stepId: r.id, decision: 'approve' })}>
                      {t('a.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDecision({ caseId: r.caseId, stepId: r.id, decision: 'reject' })}>
                      {t('a.reject')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <DecisionDialog target={decision} onClose={() => setDecision(null)} />
    </PageContainer>
  );
}

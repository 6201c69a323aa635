/** 调账审批: adjustments entered by one user, approved (posted) or rejected by another. */
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatFen } from '../../../lib/format';
import { useCan, useMe } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { accountsApi, useAdjustments, useSave, type Adjustment } from '../api';

const STATUS_COLORS = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

export default function AdjustmentsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canApprove = useCan('adjustments:approve');
  const [f, setF] = useState<Record<string, any>>({ status: 'pending', page: 1, pageSize: 20 });
  const [note, setNote] = useState('');
  const q = useAdjustments(f);
  const decide = useSave((a: { id: number; d: 'approve' | 'reject' }) => accountsApi.decideAdjustment(a.id, a.d, { note: note || null }));
  const act = (id: number, d: 'approve' | 'reject') =>
    decide.mutateAsync({ id, d }).then(
      () => message.success(t(d === 'approve' ? 'msg.approved' : 'msg.rejected')),
      (e) => message.error(e.message),
    );
  return (
    <PageContainer title={t('menu.adjustments')} subTitle={t('msg.selfHint')}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={f.status ?? 'all'}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(v) => setF({ ...f, status: v, page: 1 })}
      />
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Adjustment>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, showTotal: (n) => tc('fields.total', { count: n }), onChange: (p, s) => setF({ ...f, page: p, pageSize: s }) }}
          columns={[
            { title: '#', dataIndex: 'id', width: 60 },
            { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => <Link to={`/customers/${r.customerId}?tab=accounts`}>{v}</Link> },
            { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.date'), dataIndex: 'businessDate', width: 110 },
            { title: t('f.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('f.enteredBy'), dataIndex: 'enteredByName', render: (v, r) => `${v ?? '—'} · ${formatDateTime(r.enteredAt)}` },
            { title: tc('fields.status'), dataIndex: 'status', render: (s: Adjustment['status']) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
            { title: t('f.decidedBy'), dataIndex: 'decidedByName', render: (v, r) => (v ? `${v}${r.decisionNote ? ` · ${r.decisionNote}` : ''}` : '—') },
            {
              title: tc('fields.actions'),
              key: 'op',
              render: (_, r) =>
                canApprove && r.status === 'pending' ? (
                  r.enteredBy === me.data?.id ? (
                    <Tag>{t('msg.selfHint')}</Tag>
                  ) : (
                    <Space>
                      <Popconfirm title={<Input placeholder={t('f.decision')} onChange={(e) => setNote(e.target.value)} />} onConfirm={() => act(r.id, 'approve')}>
                        <Button size="small" type="primary">
                          {t('a.approve')}
                        </Button>
                      </Popconfirm>
                      <Popconfirm title={<Input placeholder={t('f.decision')} onChange={(e) => setNote(e.target.value)} />} onConfirm={() => act(r.id, 'reject')}>
                        <Button size="small" danger>
                          {t('a.reject')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  )
                ) : null,
            },
          ]}
        />
      )}
    </PageContainer>
  );
}

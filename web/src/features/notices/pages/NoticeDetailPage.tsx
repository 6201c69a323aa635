/** One notice: its text, counts and completion, and the recipients with their receipts (print, record, download). */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Segmented, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatDate, formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { noticesApi, useNotice, useRecipients, type Recipient, type RecipientsQuery } from '../api';
import { Completion, KindTag, ReceiptTag } from '../components/tags';
import { ReceiptModal } from '../components/ReceiptModal';

/** The receipt filters of the recipients table ('all' sends none). */
const STATUS_FILTERS = ['pending', 'overdue', 'returned'] as const satisfies readonly NonNullable<RecipientsQuery['status']>[];
type StatusFilter = (typeof STATUS_FILTERS)[number] | 'all';

export default function NoticeDetailPage() {
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const id = Number(useParams().id);
  const canReceipt = useCan('notices:receipt');
  const q = useNotice(id);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [kw, setKw] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const rq = useRecipients(id, { ...page, status: status === 'all' ? undefined : status, q: kw || undefined });
  const [recording, setRecording] = useState<Recipient | null>(null);
  const fail = (e: Error) => message.error(e.message);
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const n = q.data;
  return (
    <PageContainer
      title={
        <Space>
          {n.no}
          <KindTag kind={n.kind} />
        </Space>
      }
      subTitle={en ? n.titleEn : n.title}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => noticesApi.print(id).catch(fail)} data-testid="notice-print-all">
          {t('a.printAll')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('f.sentOn')}>{formatDate(n.sentOn)}</Descriptions.Item>
          <Descriptions.Item label={t('f.sentBy')}>{n.sentBy ?? (n.source ? t('msg.fromSource', { module: n.source.module }) : '—')}</Descriptions.Item>
          <Descriptions.Item label={t('f.channels')}>{n.channels.map((c) => t(`channel.${c}`)).join(' / ')}</Descriptions.Item>
          <Descriptions.Item label={t('f.recipients')}>{n.recipients.toLocaleString()}</Descriptions.Item>
          <Descriptions.Item label={t('f.dueOn')}>{n.requireReceipt ? formatDate(n.receiptDueOn) : t('receipt.not_required')}</Descriptions.Item>
          <Descriptions.Item label={t('f.completion')}>
            <span data-testid="notice-completion">
              <Completion rate={n.completionRate} returned={n.returned} required={n.required} />
            </span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0, background: '#fafafa', padding: 8 }}>{en ? n.bodyEn : n.body}</Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title={t('f.recipientMode')}
        extra={
          <Space wrap>
            <Segmented<StatusFilter>
              value={status}
              onChange={(s) => {
                setStatus(s);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={[{ value: 'all', label: t('receipt.all') }, ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`receipt.${s}`) }))]}
            />
            <Input.Search allowClear placeholder={t('f.customer')} onSearch={(v) => setKw(v.trim())} style={{ width: 200 }} />
          </Space>
        }
      >
        {rq.isError ? (
          <ErrorState error={rq.error} onRetry={() => void rq.refetch()} />
        ) : (
          <Table<Recipient>
            data-testid="notice-recipients"
            size="small"
            rowKey="customerId"
            loading={rq.isFetching}
            dataSource={rq.data?.items}
            locale={{ emptyText: t('msg.noRecipients') }}
            scroll={{ x: 1000 }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: rq.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (c) => tc('fields.total', { count: c }),
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              { title: t('f.code'), dataIndex: 'customerCode', width: 110 },
              { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => <Link to={`/customers/${r.customerId}?tab=notices`}>{v}</Link> },
              { title: t('f.manager'), dataIndex: 'managerName', width: 100, render: (v) => v ?? '—' },
              { title: t('f.receiptStatus'), key: 's', width: 100, render: (_, r) => <ReceiptTag status={r.receiptStatus} overdue={r.overdue} /> },
              { title: t('f.returnedOn'), dataIndex: 'returnedOn', width: 110, render: formatDate },
              { title: t('f.signer'), dataIndex: 'signer', width: 110, render: (v) => v ?? '—' },
              { title: t('f.recordedBy'), key: 'rb', width: 160, render: (_, r) => (r.recordedBy ? `${r.recordedBy} ${formatDateTime(r.recordedAt)}` : '—') },
              {
                title: tc('fields.actions'),
                key: 'a',
                width: 260,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => noticesApi.print(id, r.customerId).catch(fail)}>
                      {t('a.print')}
                    </Button>
                    {canReceipt && r.receiptStatus !== 'not_required' && (
                      <Button size="small" type={r.receiptStatus === 'pending' ? 'primary' : 'default'} onClick={() => setRecording(r)} data-testid={`receipt-${r.customerId}`}>
                        {t('a.markReturned')}
                      </Button>
                    )}
                    {r.file && (
                      <Button size="small" type="link" onClick={() => noticesApi.downloadReceiptFile(id, r.customerId).catch(fail)}>
                        {t('a.download')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ReceiptModal noticeId={id} recipient={recording} onClose={() => setRecording(null)} />
    </PageContainer>
  );
}

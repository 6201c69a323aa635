/** The 告知函 tab of the customer page: the customer's notices and their receipts. */
import { useState } from 'react';
import { App, Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { ErrorState } from '../../../components/States';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { noticesApi, useCustomerNotices, type CustomerNotice } from '../api';
import { KindTag, ReceiptTag } from './tags';
import { ComposeDrawer } from './ComposeDrawer';
import { ReceiptModal } from './ReceiptModal';

export default function CustomerNoticesTab({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const canSend = useCan('notices:send');
  const canReceipt = useCan('notices:receipt');
  const q = useCustomerNotices(customerId);
  const [composing, setComposing] = useState(false);
  const [recording, setRecording] = useState<CustomerNotice | null>(null);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div>
      {canSend && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" onClick={() => setComposing(true)}>
            {t('a.compose')}
          </Button>
        </Flex>
      )}
      <Table<CustomerNotice>
        size="small"
        rowKey="noticeId"
        loading={q.isFetching}
        dataSource={q.data}
        locale={{ emptyText: t('msg.noNotices') }}
        pagination={{ pageSize: 10, showTotal: (c) => tc('fields.total', { count: c }) }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('f.no'), dataIndex: 'no', width: 170, render: (v, r) => <Link to={`/notices/${r.noticeId}`}>{v}</Link> },
          { title: t('f.kind'), dataIndex: 'kind', width: 110, render: (k) => <KindTag kind={k} /> },
          { title: t('f.title'), key: 'title', render: (_, r) => (en ? r.titleEn : r.title) },
          { title: t('f.sentOn'), dataIndex: 'sentOn', width: 110, render: formatDate },
          { title: t('f.dueOn'), dataIndex: 'receiptDueOn', width: 110, render: formatDate },
          { title: t('f.receiptStatus'), key: 's', width: 100, render: (_, r) => <ReceiptTag status={r.receiptStatus} overdue={r.overdue} /> },
          { title: t('f.returnedOn'), dataIndex: 'returnedOn', width: 110, render: formatDate },
          { title: t('f.signer'), dataIndex: 'signer', width: 100, render: (v) => v ?? '—' },
          {
            title: tc('fields.actions'),
            key: 'a',
            width: 190,
            render: (_, r) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => noticesApi.print(r.noticeId, customerId).catch((e) => message.error(e.message))}>
                  {t('a.print')}
                </Button>
                {canReceipt && r.receiptStatus === 'pending' && (
                  <Button size="small" type="primary" onClick={() => setRecording(r)}>
                    {t('a.markReturned')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <ComposeDrawer open={composing} onClose={() => setComposing(false)} customerId={customerId} />
      <ReceiptModal noticeId={recording?.noticeId ?? 0} recipient={recording} onClose={() => setRecording(null)} />
    </div>
  );
}

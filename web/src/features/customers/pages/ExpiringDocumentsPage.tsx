/** Licences expired or expiring soon, across the customers in the user's scope. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '@common/customers';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { customersApi, useExpiring, type ExpiringDoc } from '../api';
import { useLbl } from '../labels';
import { ExpiryTag } from '../components/DocumentsTab';

export default function ExpiringDocumentsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const [days, setDays] = useState(60);
  const q = useExpiring(days);
  return (
    <PageContainer
      title={t('msg.expiringTitle')}
      subTitle={t('msg.expiringSubtitle', { days })}
      extra={<Select value={days} onChange={setDays} style={{ width: 120 }} options={[30, 60, 90, 180].map((d) => ({ value: d, label: t('msg.days', { n: d }) }))} />}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ExpiringDoc>
          rowKey="id"
          size="middle"
          loading={q.isLoading}
          dataSource={q.data}
          locale={{ emptyText: t('msg.allGood') }}
          pagination={{ pageSize: 50, showTotal: (n) => tc('fields.total', { count: n }) }}
          columns={[
            {
              title: t('f.customer'),
              key: 'c',
              render: (_, r) => (
                <Link to={`/customers/${r.customerId}?tab=documents`}>
                  {r.customerCode} {r.customerName}
                </Link>
              ),
            },
            {
              title: t('f.docKind'),
              dataIndex: 'kind',
              filters: DOCUMENT_KINDS.map((k) => ({ value: k, text: l(DOCUMENT_KIND_LABELS[k]) })),
              onFilter: (v, r) => r.kind === v,
              render: (k) => l(DOCUMENT_KIND_LABELS[k as keyof typeof DOCUMENT_KIND_LABELS]),
            },
            { title: t('f.docTitle'), dataIndex: 'title' },
            { title: t('f.docNo'), dataIndex: 'docNo', render: (v) => v ?? '—' },
            { title: t('f.expiresOn'), dataIndex: 'expiresOn', render: (v) => formatDate(v) },
            { title: t('f.daysLeft'), dataIndex: 'daysToExpiry', render: (d) => <ExpiryTag days={d} /> },
            {
              title: tc('fields.actions'),
              key: 'x',
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => customersApi.downloadDocument(r.customerId, r.id).catch((e) => message.error(e.message))}>
                  {t('a.download')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </PageContainer>
  );
}

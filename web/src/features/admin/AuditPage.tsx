import { useState } from 'react';
import { DatePicker, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { auditLabel } from '@common/audit-labels';
import { adminApi, type AuditFilter, type AuditRow } from './api';
import { PageContainer } from '../../components/PageContainer';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import './i18n';

type Row = AuditRow;

export default function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  // the stored code stays visible as a tooltip (and is what the filters match)
  const words = (v: string) => <span title={v}>{auditLabel(v, i18n.language)}</span>;
  const { t: tc } = useTranslation();
  const [f, setF] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const q = useQuery({ queryKey: ['admin', 'audit', f], queryFn: () => adminApi.audit(f), placeholderData: keepPreviousData });
  const set = (patch: AuditFilter) => setF({ ...f, ...patch, page: 1 });
  return (
    <PageContainer title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('audit.user')} onSearch={(v) => set({ username: v || undefined })} style={{ width: 160 }} />
        <Input.Search allowClear placeholder={t('audit.entity')} onSearch={(v) => set({ entity: v || undefined })} style={{ width: 160 }} />
        <Input.Search allowClear placeholder={t('audit.entityId')} onSearch={(v) => set({ entityId: v || undefined })} style={{ width: 140 }} />
        <InputNumber<number> placeholder={t('audit.customer')} onChange={(v) => set({ customerId: v ?? undefined })} style={{ width: 140 }} />
        <DatePicker.RangePicker showTime onChange={(r) => set({ from: (r?.[0] as Dayjs | undefined)?.toISOString(), to: (r?.[1] as Dayjs | undefined)?.toISOString() })} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          expandable={{
            expandedRowRender: (r) => (
              <Space align="start" size={24} wrap>
                <div>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <pre style={{ maxWidth: 520, whiteSpace: 'pre-wrap', fontSize: 12 }}>{r.before == null ? '—' : JSON.stringify(r.before, null, 2)}</pre>
                </div>
                <div>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <pre style={{ maxWidth: 520, whiteSpace: 'pre-wrap', fontSize: 12 }}>{r.after == null ? '—' : JSON.stringify(r.after, null, 2)}</pre>
                </div>
              </Space>
            ),
          }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: formatDateTime, width: 150 },
            { title: t('audit.user'), dataIndex: 'username', render: (v) => v ?? '—' },
            { title: t('audit.action'), dataIndex: 'action', render: words },
            { title: t('audit.entity'), dataIndex: 'entity', render: words },
            { title: t('audit.entityId'), dataIndex: 'entityId', render: (v) => v ?? '—' },
            { title: t('audit.customer'), dataIndex: 'customerId', render: (v) => v ?? '—' },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v) => v ?? '—' },
          ]}
        />
      )}
    </PageContainer>
  );
}

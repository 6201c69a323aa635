/** Notices (告知函): filters (kind, receipt status, number/title, dates), server pagination, Excel export, compose. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { NOTICE_KINDS, noticesApi, useNotices, type ListFilter, type NoticeRow } from '../api';
import { Completion, KindTag } from '../components/tags';
import { ComposeDrawer } from '../components/ComposeDrawer';

const n = (x: number) => x.toLocaleString();

export function NoticesTable({ filter, onPage }: { filter: ListFilter & { page: number; pageSize: number }; onPage: (p: number, s: number) => void }) {
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const q = useNotices(filter);
  const en = i18n.language === 'en';
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<NoticeRow>
      size="small"
      rowKey="id"
      loading={q.isFetching}
      dataSource={q.data?.items}
      locale={{ emptyText: t('msg.noNotices') }}
      scroll={{ x: 1100 }}
      pagination={{ current: filter.page, pageSize: filter.pageSize, total: q.data?.total ?? 0, showSizeChanger: true, showTotal: (c) => tc('fields.total', { count: c }), onChange: onPage }}
      columns={[
        { title: t('f.no'), dataIndex: 'no', width: 170, render: (v, r) => <Link to={`/notices/${r.id}`}>{v}</Link> },
        { title: t('f.kind'), dataIndex: 'kind', width: 110, render: (k) => <KindTag kind={k} /> },
        { title: t('f.title'), key: 'title', render: (_, r) => (en ? r.titleEn : r.title) },
        { title: t('f.sentOn'), dataIndex: 'sentOn', width: 110, render: formatDate },
        { title: t('f.sentBy'), dataIndex: 'sentBy', width: 100, render: (v) => v ?? '—' },
        { title: t('f.recipients'), dataIndex: 'recipients', width: 90, align: 'right', render: n },
        { title: t('f.dueOn'), dataIndex: 'receiptDueOn', width: 110, render: formatDate },
        { title: t('f.completion'), key: 'rate', width: 220, render: (_, r) => <Completion rate={r.completionRate} returned={r.returned} required={r.required} /> },
        { title: t('f.overdue'), dataIndex: 'overdue', width: 80, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{n(v)}</Typography.Text> : '0') },
      ]}
    />
  );
}

interface FilterForm {
  kind?: ListFilter['kind'];
  status?: ListFilter['status'];
  q?: string;
  dates?: [any, any];
}

export default function NoticesPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canSend = useCan('notices:send');
  const [filter, setFilter] = useState<ListFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [composing, setComposing] = useState(false);
  const [form] = Form.useForm<FilterForm>();
  const apply = (v: FilterForm) => {
    setFilter({ kind: v.kind, status: v.status, q: v.q?.trim() || undefined, from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD') });
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <PageContainer
      title={t('menu.list')}
      extra={
        <>
          <Button onClick={() => noticesApi.exportList(filter).catch((e) => message.error(e.message))} data-testid="notices-export">
            {t('a.export')}
          </Button>
          {canSend && (
            <Button type="primary" onClick={() => setComposing(true)} data-testid="notice-compose">
              {t('a.compose')}
            </Button>
          )}
        </>
      }
    >
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="kind">
          <Select allowClear placeholder={t('f.kind')} style={{ width: 140 }} options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder={t('f.receiptStatus')} style={{ width: 150 }} options={['incomplete', 'complete', 'overdue'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="dates">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('f.keyword')} style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {tc('actions.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {tc('actions.reset')}
          </Button>
        </Space>
      </Form>
      <NoticesTable filter={{ ...filter, ...page }} onPage={(p, s) => setPage({ page: p, pageSize: s })} />
      <ComposeDrawer open={composing} onClose={() => setComposing(false)} />
    </PageContainer>
  );
}

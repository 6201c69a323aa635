/** 客户经理大表: managers, their customers, each customer's primary contact; export and letters. */
import { useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, FilePdfOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS } from '@common/customers';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { type ManagerTableRow, interactionsApi, usePaged, type Query } from '../api';
import { StaffSelect } from '../components/pickers';
import { useRegions } from '../../../lib/regions';

type Row = ManagerTableRow;

export default function ManagerTablePage() {
  const { t, i18n } = useTranslation(NS);
  const regions = useRegions();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const [f, setF] = useState<Query>({ page: 1, pageSize: 50 });
  const q = usePaged('/api/manager-table', f);
  const set = (patch: Query) => setF({ ...f, ...patch, page: 1 });
  const { page: _p, pageSize: _s, q: _q, kind: _k, ...letterFilter } = f;
  const [busy, setBusy] = useState(false);
  const canSend = useCan('notices:send');
  const navigate = useNavigate();
  const sendLetters = () => {
    setBusy(true);
    interactionsApi
      .sendManagerLetters(letterFilter)
      .then((r) => navigate(`/notices/${r.noticeId}`))
      .catch((e) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  const download = (run: () => Promise<void>) => {
    setBusy(true);
    run()
      .catch((e) => message.error(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <PageContainer
      title={t('menu.managerTable')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => download(() => interactionsApi.exportManagerTable({ ...f, page: undefined, pageSize: undefined }))}>
            {tc('actions.export')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => download(() => interactionsApi.managerLetters(letterFilter))}>
            {t('a.batchLetters')}
          </Button>
          {canSend && (
            <Popconfirm title={t('a.sendLettersConfirm')} onConfirm={sendLetters}>
              <Button icon={<SendOutlined />} loading={busy}>
                {t('a.sendLetters')}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <StaffSelect managersOnly allowClear placeholder={t('f.manager')} style={{ width: 150 }} onChange={(v) => set({ managerId: v })} />
        <Select
          allowClear
          placeholder={t('f.managerKind')}
          style={{ width: 110 }}
          options={(['full_time', 'part_time'] as const).map((k) => ({ value: k, label: t(`managerKind.${k}`) }))}
          onChange={(v) => set({ kind: v })}
        />
        <Input.Search allowClear placeholder={t('f.region')} style={{ width: 140 }} onSearch={(v) => set({ region: v || undefined })} />
        <Select
          allowClear
          placeholder={t('f.type')}
          style={{ width: 120 }}
          options={CUSTOMER_TYPES.map((k) => ({ value: k, label: en ? CUSTOMER_TYPE_LABELS[k].en : CUSTOMER_TYPE_LABELS[k].zh }))}
          onChange={(v) => set({ type: v })}
        />
        <Input.Search allowClear placeholder={t('f.keyword')} style={{ width: 180 }} onSearch={(v) => set({ q: v || undefined })} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          rowKey={(r) => `${r.managerId}-${r.managerKind}-${r.customerId}`}
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: tc('state.empty') }}
          scroll={{ x: 1400 }}
          pagination={{
            current: Number(f.page),
            pageSize: Number(f.pageSize),
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
          }}
          columns={[
            { title: t('f.manager'), dataIndex: 'managerName', width: 100, fixed: 'left' },
            { title: t('f.managerKind'), dataIndex: 'managerKind', width: 80, render: (v: string) => <Tag color={v === 'full_time' ? 'blue' : 'default'}>{t(`managerKind.${v}`)}</Tag> },
            { title: t('f.managerPhone'), dataIndex: 'managerPhone', width: 120, render: (v) => v ?? '—' },
            { title: t('f.code'), dataIndex: 'customerCode', width: 100 },
            { title: t('f.customer'), dataIndex: 'customerName', width: 220, render: (v, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link> },
            {
              title: t('f.type'),
              dataIndex: 'customerType',
              width: 90,
              render: (v: keyof typeof CUSTOMER_TYPE_LABELS) => (CUSTOMER_TYPE_LABELS[v] ? (en ? CUSTOMER_TYPE_LABELS[v].en : CUSTOMER_TYPE_LABELS[v].zh) : v),
            },
            { title: t('f.region'), key: 'region', width: 140, render: (_, r) => regions.short({ city: r.city, county: r.county }) },
            { title: t('f.primaryContact'), key: 'pc', width: 170, render: (_, r) => (r.contactName ? `${r.contactName}${r.contactTitle ? `（${r.contactTitle}）` : ''}` : '—') },
            { title: t('f.mobile'), dataIndex: 'contactMobile', width: 120, render: (v) => v ?? '—' },
            { title: t('f.landline'), dataIndex: 'contactLandline', width: 130, render: (v) => v ?? '—' },
            { title: t('f.otherContacts'), dataIndex: 'otherContacts', width: 90, align: 'right' },
          ]}
        />
      )}
    </PageContainer>
  );
}

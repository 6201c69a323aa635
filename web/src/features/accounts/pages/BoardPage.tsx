/** 气款监控看板: every customer in scope, sorted by risk; filter by manager, region, level; export. */
import { useState } from 'react';
import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen, formatNumber } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { type BoardQuery, accountsApi, LEVELS, useBoard, type BoardRow } from '../api';
import { Days, LevelTag } from '../components/common';

export default function BoardPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [f, setF] = useState<BoardQuery>({ page: 1, pageSize: 20 });
  const q = useBoard(f);
  const managers = useQuery({ queryKey: ['users', 'directory', 'account_manager'], queryFn: () => accountsApi.managers() });
  const set = (patch: BoardQuery) => setF({ ...f, ...patch, page: 1 });
  const { page, pageSize, ...filters } = f;
  void page;
  void pageSize;
  const c = q.data?.counts;
  return (
    <PageContainer
      title={t('menu.board')}
      subTitle={c ? t('board.counts', c) : undefined}
      extra={<Button onClick={() => accountsApi.exportBoard(filters).catch((e) => message.error(e.message))}>{tc('actions.export')}</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('f.search')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 200 }} />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('f.level')}
          style={{ minWidth: 200 }}
          options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          onChange={(v: string[]) => set({ level: v.length ? v.join(',') : undefined })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('f.manager')}
          style={{ width: 160 }}
          options={managers.data?.map((m) => ({ value: m.id, label: m.displayName }))}
          onChange={(v) => set({ managerId: v })}
        />
        <Input.Search allowClear placeholder={t('f.region')} onSearch={(v) => set({ region: v || undefined })} style={{ width: 140 }} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<BoardRow>
          rowKey="customerId"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          scroll={{ x: 1200 }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setF({ ...f, page: p, pageSize: s }),
          }}
          columns={[
            { title: t('f.level'), dataIndex: 'level', width: 80, fixed: 'left', render: (l, r) => <LevelTag level={l} since={r.sinceDay} /> },
            { title: t('f.customer'), dataIndex: 'name', fixed: 'left', render: (v, r) => <Link to={`/customers/${r.customerId}?tab=accounts`}>{v}</Link> },
            { title: t('f.region'), dataIndex: 'region', render: (v) => v ?? '—' },
            { title: t('f.manager'), dataIndex: 'managerName', render: (v) => v ?? '—' },
            { title: t('f.availableDays'), dataIndex: 'availableDays', align: 'right', render: (v) => <Days v={v} /> },
            { title: t('f.balance'), dataIndex: 'balanceFen', align: 'right', render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{formatFen(v)}</Typography.Text> },
            { title: t('f.receivable'), dataIndex: 'receivableFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.avgCharge'), dataIndex: 'avgDailyChargeFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.dayVolume'), dataIndex: 'dayVolumeM3', align: 'right', render: (v) => (v == null ? '—' : formatNumber(v, 0)) },
            { title: t('f.dayCharge'), dataIndex: 'dayChargeFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.asOf'), dataIndex: 'asOfDay', width: 110 },
          ]}
        />
      )}
    </PageContainer>
  );
}

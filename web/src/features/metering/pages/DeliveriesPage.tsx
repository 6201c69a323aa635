/** 日气量: daily deliveries per delivery point (list, correction, import) and the correction history. */
import { useState } from 'react';
import { useVolumeUnit } from '../../../app/volume-unit';
import { Button, DatePicker, Flex, Select, Table, Tabs, Tag, Tooltip } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { meteringApi, fmtQty, KEY, type Delivery, type HistoryRow, type Origin } from '../api';
import { UnitSwitch } from '../components/UnitSwitch';
import { GcvCell } from '../components/GcvCell';
import { ImportDialog } from '../components/ImportDialog';
import { CorrectionDrawer, type CorrectionTarget } from '../components/CorrectionDrawer';
import { today } from '../../../lib/dates';

export default function DeliveriesPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const canWrite = useCan('metering:write');
  const [unit, setUnit] = useVolumeUnit('m3');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().subtract(7, 'day'), today()]);
  const [origin, setOrigin] = useState<Origin | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [importOpen, setImportOpen] = useState(false);
  const [target, setTarget] = useState<CorrectionTarget | null>(null);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), origin, ...page };
  const list = useQuery({ queryKey: [...KEY, 'deliveries', query], queryFn: () => meteringApi.deliveries(query), placeholderData: keepPreviousData });
  const history = useQuery({ queryKey: [...KEY, 'history', query.from, query.to], queryFn: () => meteringApi.history({ from: query.from, to: query.to, limit: 500 }) });
  const u = t(`unit.${unit}`);

  return (
    <PageContainer
      title={t('menu.deliveries')}
      extra={
        <>
          <UnitSwitch value={unit} onChange={setUnit} />
          {canWrite && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="open-import">
              {t('a.import')}
            </Button>
          )}
        </>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('f.origin')}
          value={origin}
          onChange={setOrigin}
          options={(['scada', 'manual', 'estimate'] as const).map((o) => ({ value: o, label: t(`origin.${o}`) }))}
        />
      </Flex>
      <Tabs
        items={[
          {
            key: 'list',
            label: t('menu.deliveries'),
            children: list.error ? (
              <ErrorState error={list.error} onRetry={() => list.refetch()} />
            ) : (
              <Table<Delivery>
                size="small"
                rowKey={(r) => `${r.deliveryPointId}-${r.gasDay}`}
                loading={list.isFetching}
                dataSource={list.data?.items ?? []}
                pagination={{
                  current: page.page,
                  pageSize: page.pageSize,
                  total: list.data?.total ?? 0,
                  showTotal: (n) => tc('fields.total', { count: n }),
                  onChange: (p, s) => setPage({ page: p, pageSize: s }),
                }}
                columns={[
                  { title: t('f.day'), dataIndex: 'gasDay', width: 110 },
                  { title: t('f.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}?tab=usage`}>{r.customerName}</Link> },
                  { title: t('f.point'), dataIndex: 'pointName' },
                  { title: t('f.meter'), dataIndex: 'meterNo' },
                  { title: `${t('f.volume')} (${u})`, align: 'right', render: (_, r) => fmtQty(r.volumeM3, r.energyGJ, unit, unit === 'm3' ? 3 : 4) },
                  { title: `${t('f.gcv')} MJ/m³`, dataIndex: 'gcvMJm3', align: 'right', render: (v, r) => <GcvCell value={v} carriedFrom={r.gcvCarriedFrom} /> },
                  { title: t('f.origin'), dataIndex: 'origin', render: (o, r) => <Tag color={r.estimated ? 'orange' : undefined}>{t(`origin.${o}`)}</Tag> },
                  { title: t('f.corrections'), dataIndex: 'corrections', align: 'right' },
                  { title: t('f.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
                  ...(canWrite
                    ? [
                        {
                          title: '',
                          width: 50,
                          render: (_: unknown, r: Delivery) => (
                            <Tooltip title={t('a.correct')}>
                              <Button
                                size="small"
                                type="text"
                                icon={<EditOutlined />}
                                onClick={() => setTarget({ deliveryPointId: r.deliveryPointId, pointName: r.pointName, gasDay: r.gasDay, volumeM3: r.volumeM3, origin: r.origin })}
                              />
                            </Tooltip>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: t('a.history'),
            children: (
              <Table<HistoryRow>
                size="small"
                rowKey="id"
                loading={history.isFetching}
                dataSource={history.data ?? []}
                columns={[
                  { title: t('f.changedAt'), dataIndex: 'changedAt', render: formatDateTime, width: 140 },
                  { title: t('f.day'), dataIndex: 'gasDay', width: 110 },
                  { title: t('f.customer'), dataIndex: 'customerName' },
                  { title: t('f.point'), dataIndex: 'pointName' },
                  { title: t('f.oldValue'), align: 'right', render: (_, r) => `${formatNumber(r.oldVolumeM3, 3)} (${t(`origin.${r.oldOrigin}`)})` },
                  { title: t('f.newValue'), align: 'right', render: (_, r) => `${formatNumber(r.newVolumeM3, 3)} (${t(`origin.${r.newOrigin}`)})` },
                  { title: t('f.reason'), dataIndex: 'reason' },
                  { title: t('f.channel'), dataIndex: 'channel' },
                  { title: t('f.changedBy'), dataIndex: 'changedBy', render: (v) => v ?? '—' },
                ]}
              />
            ),
          },
        ]}
      />
      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
      <CorrectionDrawer target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}

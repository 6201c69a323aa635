/** 用气 tab of the customer page: daily / monthly usage with the previous year, deliveries per point, plans. */
import { useMemo, useState } from 'react';
import { useVolumeUnit } from '../../../app/volume-unit';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { formatNumber } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { meteringApi, fmtQty, inUnit, KEY, type Delivery } from '../api';
import { Chart } from '../../../components/lazyChart';
import { plot, UnitSwitch } from './UnitSwitch';
import { GcvCell } from './GcvCell';
import { CorrectionDrawer, type CorrectionTarget } from './CorrectionDrawer';
import { PlansModal } from './PlansModal';
import { today } from '../../../lib/dates';

export function UsageTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const canWrite = useCan('metering:write');
  const [unit, setUnit] = useVolumeUnit('m3');
  const [granularity, setGranularity] = useState<'day' | 'month'>('day');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().subtract(60, 'day'), today().subtract(1, 'day')]);
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<CorrectionTarget | null>(null);
  const [plansOpen, setPlansOpen] = useState(false);
  const query = { granularity, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const usage = useQuery({ queryKey: [...KEY, 'usage', customerId, query], queryFn: () => meteringApi.usage(customerId, query), placeholderData: keepPreviousData });
  const deliveries = useQuery({
    queryKey: [...KEY, 'deliveries', customerId, query.from, query.to, page],
    queryFn: () => meteringApi.deliveries({ customerId, from: query.from, to: query.to, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

  const option = useMemo(() => {
    const u = usage.data;
    if (!u) return null;
    const unitLabel = t(`unit.${unit}`);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('f.volume'), t('f.prevYear')] },
      grid: { left: 60, right: 20, top: 36, bottom: 60 },
      dataZoom: granularity === 'day' ? [{ type: 'slider', bottom: 8 }] : [],
      xAxis: { type: 'category', data: u.series.map((s) => s.period) },
      yAxis: { type: 'value', name: unitLabel },
      series: [
        {
          name: t('f.volume'),
          type: 'bar',
          // a day without data is null (a gap, never 0); a day with some points missing is drawn in amber
          data: u.series.map((s) => {
            const v = plot(inUnit(s.volumeM3, s.energyGJ, unit));
            return v != null && s.missingPoints > 0 ? { value: v, itemStyle: { color: '#faad14' } } : v;
          }),
        },
        {
          name: t('f.prevYear'),
          type: 'line',
          symbol: 'none',
          connectNulls: false,
          lineStyle: { type: 'dashed' },
          data: u.series.map((s) => plot(inUnit(s.prevYearVolumeM3, s.prevYearEnergyGJ, unit))),
        },
      ],
    };
  }, [usage.data, unit, granularity, t]);

  if (usage.isLoading) return <Loading />;
  if (usage.error) return <ErrorState error={usage.error} onRetry={() => usage.refetch()} />;
  const u = usage.data!;
  return (
    <div data-testid="usage-tab">
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Segmented
            value={granularity}
            onChange={(g) => {
              setGranularity(g as 'day' | 'month');
              setRange(g === 'month' ? [today().subtract(23, 'month').startOf('month'), today().subtract(1, 'day')] : [today().subtract(60, 'day'), today().subtract(1, 'day')]);
            }}
            options={[
              { value: 'day', label: t('f.dayG') },
              { value: 'month', label: t('f.monthG') },
            ]}
          />
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
          <UnitSwitch value={unit} onChange={setUnit} />
        </Flex>
        <Flex gap={8}>
          {canWrite && (
            <Button icon={<ScheduleOutlined />} onClick={() => setPlansOpen(true)}>
              {t('a.editPlans')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => meteringApi.exportUsage(customerId, { ...query, unit })}>
            {t('a.export')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Statistic title={`${t('f.total')} (${t(`unit.${unit}`)})`} value={fmtQty(u.total.volumeM3, u.total.energyGJ, unit)} />
        </Col>
        <Col span={6}>
          <Statistic title={`${t('f.weightedGcv')} (MJ/m³)`} value={u.total.gcvMJm3 ? formatNumber(u.total.gcvMJm3, 2) : '—'} />
        </Col>
        <Col span={6}>
          <Statistic title={t('f.daysWithData')} value={`${u.total.daysWithData} / ${u.total.days}`} valueStyle={u.total.daysWithData < u.total.days ? { color: '#d48806' } : undefined} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="point-days">
            {t('msg.pointDays', { have: u.total.pointDaysWithData, all: u.total.pointDays })}
          </Typography.Text>
        </Col>
        <Col span={6}>
          <Statistic title={t('f.pointCount')} value={u.points.length} />
        </Col>
      </Row>
      {unit === 'gj' && u.total.volumeM3 && !u.total.energyGJ && <Tag color="warning">{t('msg.noGcv')}</Tag>}
      <Card size="small" style={{ marginBottom: 12 }} title={t('f.volume')} extra={<span style={{ color: '#888' }}>{t('msg.yoyNote')}</span>}>
        {u.series.some((s) => s.volumeM3 != null) && option ? <Chart option={option} /> : <Empty />}
      </Card>
      <Card
        size="small"
        title={t('menu.deliveries')}
        extra={
          canWrite &&
          u.points.length > 0 && (
            <Flex gap={4}>
              {u.points
                .filter((p) => p.active)
                .map((p) => (
                  <Button key={p.id} size="small" icon={<PlusOutlined />} onClick={() => setTarget({ deliveryPointId: p.id, pointName: p.name })}>
                    {p.name}
                  </Button>
                ))}
            </Flex>
          )
        }
      >
        {u.points.length === 0 ? (
          <Empty description={t('msg.noPoints')} />
        ) : (
          <Table<Delivery>
            size="small"
            rowKey={(r) => `${r.deliveryPointId}-${r.gasDay}`}
            loading={deliveries.isFetching}
            dataSource={deliveries.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: deliveries.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('f.day'), dataIndex: 'gasDay', width: 110 },
              { title: t('f.point'), dataIndex: 'pointName' },
              { title: `${t('f.volume')} (${t(`unit.${unit}`)})`, align: 'right', render: (_, r) => fmtQty(r.volumeM3, r.energyGJ, unit, unit === 'm3' ? 3 : 4) },
              { title: `${t('f.gcv')} MJ/m³`, dataIndex: 'gcvMJm3', align: 'right', render: (v, r) => <GcvCell value={v} carriedFrom={r.gcvCarriedFrom} /> },
              { title: t('f.origin'), dataIndex: 'origin', render: (o, r) => <Tag color={r.estimated ? 'orange' : undefined}>{t(`origin.${o}`)}</Tag> },
              { title: t('f.corrections'), dataIndex: 'corrections', align: 'right', width: 90 },
              ...(canWrite
                ? [
                    {
                      title: '',
                      width: 60,
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
        )}
      </Card>
      <CorrectionDrawer target={target} onClose={() => setTarget(null)} />
      {plansOpen && <PlansModal customerId={customerId} onClose={() => setPlansOpen(false)} />}
    </div>
  );
}

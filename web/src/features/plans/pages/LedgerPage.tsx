/** 销售计划台账: plan vs actual by month / area / customer type / customer, deviation, YTD, chart, Excel export. */
import { useState } from 'react';
import { Button, Card, Select, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dec } from '@common/decimal';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatWanfang } from '../../../lib/format';
import { Chart } from '../../../components/lazyChart';
import { NS } from '../i18n';
import { plansApi, useLedger, type LedgerQuery, type LedgerRow } from '../api';

const pct = (v: string | null) => (v == null ? '—' : <span style={{ color: dec(v).isNeg() ? '#cf1322' : '#389e0d' }}>{v}%</span>);
const dev = (v: string) => <span style={{ color: dec(v).isNeg() ? '#cf1322' : undefined }}>{formatWanfang(v)}</span>;

export default function LedgerPage() {
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [q, setQ] = useState<LedgerQuery>({ year: thisYear, groupBy: 'month' });
  const l = useLedger(q);
  const wan = (v: string) => dec(v).div(10000).toDecimalPlaces(2).toNumber();
  const option = l.data && {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('f.plan'), t('f.actual')] },
    grid: { left: 70, right: 20, top: 50, bottom: 30 },
    xAxis: { type: 'category', data: l.data.series.map((s) => (i18n.language === 'en' ? `M${s.month}` : `${s.month}月`)) },
    yAxis: { type: 'value', name: tc('units.wan') },
    series: [
      { name: t('f.plan'), type: 'bar', data: l.data.series.map((s) => wan(s.planM3)), itemStyle: { color: '#91caff' } },
      { name: t('f.actual'), type: 'line', data: l.data.series.map((s) => wan(s.actualM3)), itemStyle: { color: '#fa541c' } },
    ],
  };
  return (
    <PageContainer
      title={t('menu.ledger')}
      subTitle={l.data?.actualThrough ? `${t('f.actualThrough')} ${l.data.actualThrough}` : undefined}
      extra={<Button onClick={() => void plansApi.exportLedger(q)}>{tc('actions.export')}</Button>}
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            value={q.year}
            style={{ width: 110 }}
            onChange={(year) => setQ({ ...q, year })}
            options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
            aria-label={t('f.year')}
          />
          <Segmented
            value={q.groupBy}
            onChange={(g) => setQ({ ...q, groupBy: g as LedgerQuery['groupBy'] })}
            options={(['month', 'area', 'type', 'customer'] as const).map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
          />
          <Select
            allowClear
            placeholder={t('f.allMonths')}
            value={q.month}
            style={{ width: 120 }}
            onChange={(month) => setQ({ ...q, month })}
            options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: i18n.language === 'en' ? `M${i + 1}` : `${i + 1}月` }))}
          />
          {l.data && !l.data.versionId && <Tag color="orange">{t('msg.noPlan')}</Tag>}
        </Space>
      </Card>
      {l.isError ? (
        <ErrorState error={l.error} onRetry={() => void l.refetch()} />
      ) : (
        <>
          <Card size="small" title={t('msg.chart')} style={{ marginBottom: 12 }} data-testid="ledger-chart">
            {option ? <Chart option={option} height={300} /> : <div style={{ height: 300 }} />}
          </Card>
          <Table<LedgerRow>
            size="small"
            rowKey="key"
            loading={l.isFetching}
            dataSource={l.data?.rows}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showTotal: (n) => tc('fields.total', { count: n }) }}
            columns={[
              { title: t('f.group'), dataIndex: 'label', fixed: 'left', width: 200 },
              { title: t('f.plan'), dataIndex: 'planM3', align: 'right', render: (v) => formatWanfang(v) },
              { title: t('f.actual'), dataIndex: 'actualM3', align: 'right', render: (v) => formatWanfang(v) },
              { title: t('f.dev'), dataIndex: 'deviationM3', align: 'right', render: dev },
              { title: t('f.devPct'), dataIndex: 'deviationPct', align: 'right', render: pct },
              { title: t('f.ytdPlan'), dataIndex: 'ytdPlanM3', align: 'right', render: (v) => formatWanfang(v) },
              { title: t('f.ytdActual'), dataIndex: 'ytdActualM3', align: 'right', render: (v) => formatWanfang(v) },
              { title: t('f.ytdDev'), dataIndex: 'ytdDeviationM3', align: 'right', render: dev },
              { title: t('f.ytdDevPct'), dataIndex: 'ytdDeviationPct', align: 'right', render: pct },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}

/** 对接统计: contacts, visits and issues per manager and period — bar chart, tables, export. */
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/lazyChart';
import type { Dayjs } from 'dayjs';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import type { ElementOf } from '../../../api';
import { type Stats, interactionsApi, hours, KEY } from '../api';
import { StaffSelect } from '../components/pickers';
import { today } from '../../../lib/dates';

type Figures = Stats['totals'];
type ManagerFigures = ElementOf<Stats['byManager']>;

export default function StatsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [granularity, setGranularity] = useState<'month' | 'quarter' | 'year'>('month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().subtract(11, 'month').startOf('month'), today()]);
  const [managerId, setManagerId] = useState<number | undefined>();
  const query = { granularity, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), managerId };
  const q = useQuery({ queryKey: [...KEY, 'stats', query], queryFn: () => interactionsApi.stats(query), placeholderData: keepPreviousData });

  const option = useMemo(() => {
    const d = q.data;
    if (!d) return null;
    // One bar group per period: contacts and visits summed over the managers shown.
    const sum = (p: string, k: keyof Figures) => d.rows.filter((r) => r.period === p).reduce((s, r) => s + ((r[k] as number) ?? 0), 0);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('f.contactsCount'), t('f.visits'), t('f.issuesOpened')] },
      grid: { left: 40, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: d.periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('f.contactsCount'), type: 'bar', data: d.periods.map((p) => sum(p, 'contacts')) },
        { name: t('f.visits'), type: 'bar', data: d.periods.map((p) => sum(p, 'visits')) },
        { name: t('f.issuesOpened'), type: 'bar', data: d.periods.map((p) => sum(p, 'issuesOpened')) },
      ],
    };
  }, [q.data, t]);

  const columns = (withPeriod: boolean) => [
    ...(withPeriod ? [{ title: t('f.period'), dataIndex: 'period', width: 90 }] : []),
    { title: t('f.manager'), dataIndex: 'managerName' },
    { title: t('f.contactsCount'), dataIndex: 'contacts', align: 'right' as const, sorter: (a: Figures, b: Figures) => a.contacts - b.contacts },
    { title: t('f.visits'), dataIndex: 'visits', align: 'right' as const, sorter: (a: Figures, b: Figures) => a.visits - b.visits },
    { title: t('f.phones'), dataIndex: 'phones', align: 'right' as const },
    { title: t('f.meetings'), dataIndex: 'meetings', align: 'right' as const },
    { title: t('f.online'), dataIndex: 'online', align: 'right' as const },
    { title: t('f.issuesOpened'), dataIndex: 'issuesOpened', align: 'right' as const },
    { title: t('f.issuesResolved'), dataIndex: 'issuesResolved', align: 'right' as const },
    { title: `${t('f.avgResponse')} (h)`, dataIndex: 'avgResponseMinutes', align: 'right' as const, render: hours },
  ];

  return (
    <PageContainer
      title={t('menu.stats')}
      subTitle={t('msg.statsSubtitle')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => interactionsApi.exportStats(query).catch((e) => message.error(e.message))}>
          {tc('actions.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={granularity} onChange={(v) => setGranularity(v as typeof granularity)} options={(['month', 'quarter', 'year'] as const).map((g) => ({ value: g, label: t(`f.${g}`) }))} />
        <DatePicker.RangePicker allowClear={false} value={range} onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])} />
        <StaffSelect managersOnly allowClear placeholder={t('f.manager')} style={{ width: 150 }} onChange={setManagerId} />
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {(['contacts', 'visits', 'issuesOpened', 'issuesResolved'] as const).map((k) => (
              <Col key={k} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(k === 'contacts' ? 'f.contactsCount' : `f.${k}`)} value={formatNumber(q.data.totals[k])} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" style={{ marginBottom: 12 }}>
            {option && <Chart option={option} />}
          </Card>
          <Table<ManagerFigures>
            rowKey="managerId"
            size="small"
            dataSource={q.data.byManager}
            pagination={false}
            columns={columns(false)}
            locale={{ emptyText: tc('state.empty') }}
            style={{ marginBottom: 12 }}
            loading={q.isFetching}
          />
          <Table rowKey={(r) => `${r.managerId}-${r.period}`} size="small" dataSource={q.data.rows} columns={columns(true)} pagination={{ pageSize: 20 }} locale={{ emptyText: tc('state.empty') }} />
        </>
      )}
    </PageContainer>
  );
}

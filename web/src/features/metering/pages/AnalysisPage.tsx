/** 用气分析: monthly volume / energy of the customers in scope, stacked by customer type or region. */
import { useMemo, useState } from 'react';
import { useVolumeUnit } from '../../../app/volume-unit';
import { Card, DatePicker, Empty, Flex, Segmented, Table } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { dec } from '@common/decimal';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { meteringApi, fmtQty, inUnit, KEY } from '../api';
import { Chart } from '../../../components/lazyChart';
import { plot, UnitSwitch } from '../components/UnitSwitch';
import { today } from '../../../lib/dates';

export default function AnalysisPage() {
  const { t } = useTranslation(NS);
  const [unit, setUnit] = useVolumeUnit('wan');
  const [groupBy, setGroupBy] = useState<'type' | 'city' | 'province'>('type');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().subtract(11, 'month').startOf('month'), today().subtract(1, 'day')]);
  const query = { groupBy, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const agg = useQuery({ queryKey: [...KEY, 'aggregate', query], queryFn: () => meteringApi.aggregate(query), placeholderData: keepPreviousData });
  const label = (g: string) => (groupBy === 'type' ? t(`type.${g}`, { defaultValue: g }) : g || '—');

  const { option, table } = useMemo(() => {
    const d = agg.data;
    if (!d) return { option: null, table: [] };
    const groups = [...new Set(d.rows.map((r) => r.group))];
    const cell = (m: string, g: string) => d.rows.find((r) => r.month === m && r.group === g);
    const option = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', name: t(`unit.${unit}`) },
      series: groups.map((g) => ({ name: label(g), type: 'bar', stack: 'total', data: d.months.map((m) => plot(inUnit(cell(m, g)?.volumeM3, cell(m, g)?.energyGJ, unit))) })),
    };
    const table = groups.map((g) => {
      const rows = d.rows.filter((r) => r.group === g);
      const v = rows.reduce((a, r) => a.plus(dec(r.volumeM3)), dec(0)).toString();
      const e = rows.every((r) => r.energyGJ != null) ? rows.reduce((a, r) => a.plus(dec(r.energyGJ!)), dec(0)).toString() : null;
      return { group: g, volumeM3: v, energyGJ: e, customers: Math.max(0, ...rows.map((r) => r.customers)) };
    });
    return { option, table };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agg.data, unit, groupBy, t]);

  return (
    <PageContainer title={t('menu.analysis')} extra={<UnitSwitch value={unit} onChange={setUnit} />}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker picker="month" value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0].startOf('month'), v[1].endOf('month')])} />
        <Segmented value={groupBy} onChange={(v) => setGroupBy(v as any)} options={(['type', 'city', 'province'] as const).map((g) => ({ value: g, label: t(`groupBy.${g}`) }))} />
      </Flex>
      {agg.isLoading ? (
        <Loading />
      ) : agg.error ? (
        <ErrorState error={agg.error} onRetry={() => agg.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            {option && agg.data!.rows.length ? <Chart option={option} height={380} /> : <Empty />}
          </Card>
          <Table
            size="small"
            rowKey="group"
            pagination={false}
            dataSource={table}
            columns={[
              { title: t('f.groupBy'), dataIndex: 'group', render: label },
              { title: `${t('f.total')} (${t(`unit.${unit}`)})`, align: 'right', render: (_, r) => fmtQty(r.volumeM3, r.energyGJ, unit) },
              { title: t('f.customers'), dataIndex: 'customers', align: 'right' },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}

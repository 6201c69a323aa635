/** 劳动竞赛 and yearly statistics: managers ranked for a period; the year's sessions, trades, volume, premium, year over year. */
import { useState } from 'react';
import { Col, DatePicker, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { formatFen, formatWanfang } from '../../../lib/format';
import { PageContainer, Section } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { Chart } from '../../../components/lazyChart';
import { NS } from '../i18n';
import { tradingApi, useBoard, useStats, type BoardRow } from '../api';
import { ExportButton } from '../components/ExportButton';
import { today } from '../../../lib/dates';

export default function BoardPage() {
  const { t } = useTranslation(NS);
  const [year, setYear] = useState(today().year());
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([today().startOf('year'), today()]);
  const st = useStats(year);
  const board = useBoard(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const c = st.data?.current;
  const pct = (v: string | null | undefined) => (v == null ? '—' : `${Number(v) > 0 ? '+' : ''}${v} %`);
  return (
    <PageContainer title={t('menu.board')}>
      <Section
        title={t('stats.title')}
        extra={
          <Space>
            {t('f.year')}
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            <ExportButton testId="trading-export-stats" download={() => tradingApi.exportStats(year)} />
          </Space>
        }
      >
        {st.isError ? (
          <ErrorState error={st.error} onRetry={() => void st.refetch()} />
        ) : (
          <>
            <Row gutter={16}>
              <Col span={4}>
                <Statistic loading={st.isLoading} title={t('f.sessions')} value={c?.sessions} suffix={<small>{pct(st.data?.change.sessionsPct)}</small>} />
              </Col>
              <Col span={4}>
                <Statistic loading={st.isLoading} title={t('f.trades')} value={c?.trades} suffix={<small>{pct(st.data?.change.tradesPct)}</small>} />
              </Col>
              <Col span={5}>
                <Statistic loading={st.isLoading} title={t('f.volume')} value={formatWanfang(c?.volume)} suffix={<small>{pct(st.data?.change.volumePct)}</small>} />
              </Col>
              <Col span={4}>
                <Statistic loading={st.isLoading} title={t('f.customers')} value={c?.customers} />
              </Col>
              <Col span={4}>
                <Statistic loading={st.isLoading} title={t('f.amount')} value={formatFen(c?.amountFen)} />
              </Col>
              <Col span={3}>
                <Statistic loading={st.isLoading} title={t('stats.premium')} value={c?.avgPremium ?? '—'} />
              </Col>
            </Row>
            <Chart
              height={240}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: c?.months.map((m) => m.month) ?? [] },
                yAxis: [
                  { type: 'value', name: t('f.volume') },
                  { type: 'value', name: t('f.trades') },
                ],
                series: [
                  { type: 'bar', name: t('f.volume'), data: c?.months.map((m) => Number(m.volume) / 10_000) ?? [] },
                  { type: 'line', name: t('f.trades'), yAxisIndex: 1, data: c?.months.map((m) => m.trades) ?? [] },
                ],
              }}
            />
          </>
        )}
      </Section>
      <Section
        title={t('menu.board')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
            <ExportButton testId="trading-export-board" download={() => tradingApi.exportBoard(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'))} />
          </Space>
        }
      >
        {board.isError ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <Table<BoardRow>
            rowKey="userId"
            size="small"
            loading={board.isFetching}
            dataSource={board.data}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('f.rankNo'), dataIndex: 'rank', width: 70 },
              { title: t('f.userName'), dataIndex: 'name' },
              { title: t('f.sessions'), dataIndex: 'sessions', align: 'right' },
              { title: t('f.customers'), dataIndex: 'customers', align: 'right' },
              { title: t('f.trades'), dataIndex: 'trades', align: 'right' },
              { title: t('f.volume'), dataIndex: 'volume', align: 'right', render: (v) => formatWanfang(v) },
            ]}
          />
        )}
      </Section>
    </PageContainer>
  );
}

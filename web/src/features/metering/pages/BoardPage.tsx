/** 日用气监控: yesterday's volume per customer vs plan and trailing average, with flags; sortable, filterable, exportable. */
import { useState } from 'react';
import { useVolumeUnit } from '../../../app/volume-unit';
import { Button, Card, Col, DatePicker, Flex, Input, Row, Select, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import type { SorterResult } from 'antd/es/table/interface';
import { useRegions } from '../../../lib/regions';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { type BoardQuery, meteringApi, fmtPct, fmtQty, KEY, type BoardItem, type Flag } from '../api';
import { UnitSwitch } from '../components/UnitSwitch';
import { GcvCell } from '../components/GcvCell';

const FLAG_COLORS: Record<Flag, string> = { missing: 'default', zero: 'purple', jump: 'orange', above_max: 'red', estimate: 'gold' };
const TYPES = ['city_gas', 'industrial', 'cng', 'power', 'chemical', 'commercial', 'other'];
const SORT_FIELDS: Record<string, NonNullable<BoardQuery['sort']>> = {
  name: 'name',
  volume: 'volume',
  avg: 'avg',
  plan: 'plan',
  change: 'change',
  planDeviation: 'planDeviation',
  dailyMax: 'dailyMax',
  flags: 'flags',
};

export default function BoardPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const [unit, setUnit] = useVolumeUnit('m3');
  const [day, setDay] = useState<Dayjs | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [city, setCity] = useState('');
  const [flag, setFlag] = useState<BoardQuery['flag']>();
  const [sort, setSort] = useState<{ sort: NonNullable<BoardQuery['sort']>; order: 'asc' | 'desc' }>({ sort: 'flags', order: 'desc' });
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const config = useQuery({ queryKey: [...KEY, 'config'], queryFn: () => meteringApi.config() });
  const query = { day: day?.format('YYYY-MM-DD'), q: search || undefined, type, city: city || undefined, flag, ...sort, unit, ...page };
  const board = useQuery({ queryKey: [...KEY, 'board', query], queryFn: () => meteringApi.board(query), placeholderData: keepPreviousData });
  const b = board.data;
  const u = t(`unit.${unit}`);

  const columns = [
    {
      title: t('f.customer'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      fixed: 'left' as const,
      render: (_: unknown, r: BoardItem) => (
        <Link to={`/customers/${r.customerId}?tab=usage`}>
          {r.name}
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('f.flags'),
      key: 'flags',
      width: 150,
      sorter: true,
      render: (_: unknown, r: BoardItem) => (
        <Flex gap={2} wrap>
          {r.flags.map((f) => (
            <Tag key={f} color={FLAG_COLORS[f]}>
              {t(`flag.${f}`)}
            </Tag>
          ))}
          {r.pointCount > 1 && (
            <Tooltip title={t('f.points')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.reportedPoints}/{r.pointCount}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: t('f.type'), dataIndex: 'type', width: 90, render: (v: string) => t(`type.${v}`, { defaultValue: v }) },
    { title: t('f.region'), width: 110, render: (_: unknown, r: BoardItem) => regions.short({ county: r.county ?? r.city ?? r.province }) },
    { title: t('f.manager'), dataIndex: 'manager', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: `${t('f.volume')} (${u})`,
      key: 'volume',
      sorter: true,
      align: 'right' as const,
      render: (_: unknown, r: BoardItem) => (r.volumeM3 == null ? <Tag>{t('msg.missing')}</Tag> : <span data-testid="board-volume">{fmtQty(r.volumeM3, r.energyGJ, unit)}</span>),
    },
    {
      title: `${t('f.plan')} (${u})`,
      key: 'plan',
      sorter: true,
      align: 'right' as const,
      // issue 13: the day's nomination (日指定) where one exists, else the plan; the deviation follows it.
      render: (_: unknown, r: BoardItem) =>
        r.nominationM3 != null ? (
          <Tooltip title={r.planM3 != null ? `${t('f.planOnly')}: ${fmtQty(r.planM3, r.planGJ, unit)}` : undefined}>
            <Tag color="blue" bordered={false} style={{ marginInlineEnd: 4 }}>
              {t('f.nominationTag')}
            </Tag>
            <span data-testid="board-nomination">{fmtQty(r.nominationM3, r.nominationGJ, unit)}</span>
          </Tooltip>
        ) : (
          fmtQty(r.planM3, r.planGJ, unit)
        ),
    },
    { title: t('f.planDev'), key: 'planDeviation', sorter: true, align: 'right' as const, render: (_: unknown, r: BoardItem) => fmtPct(r.planDeviationPct) },
    { title: `${t('f.avg', { n: b?.avgDays ?? 7 })} (${u})`, key: 'avg', sorter: true, align: 'right' as const, render: (_: unknown, r: BoardItem) => fmtQty(r.avgM3, r.avgGJ, unit) },
    { title: t('f.change'), key: 'change', sorter: true, align: 'right' as const, render: (_: unknown, r: BoardItem) => fmtPct(r.changePct) },
    { title: `${t('f.dailyMax')} (${u})`, key: 'dailyMax', sorter: true, align: 'right' as const, render: (_: unknown, r: BoardItem) => fmtQty(r.dailyMaxM3, r.dailyMaxGJ, unit) },
    { title: `${t('f.gcv')} MJ/m³`, dataIndex: 'gcvMJm3', align: 'right' as const, width: 150, render: (v: string | null, r: BoardItem) => <GcvCell value={v} carriedFrom={r.gcvCarriedFrom} /> },
  ];

  const stat = (k: Flag) => (
    <Col xs={12} md={4} key={k}>
      <Card size="small" hoverable onClick={() => setFlag(flag === k ? undefined : k)} style={flag === k ? { borderColor: '#1677ff' } : undefined}>
        <Statistic title={t(`stat.${k}`)} value={b?.summary.flags[k] ?? '—'} />
      </Card>
    </Col>
  );

  return (
    <PageContainer
      title={t('menu.board')}
      subTitle={b ? t('msg.boardSubtitle', { day: b.day, pct: b.jumpPct, n: b.avgDays }) : undefined}
      extra={
        <>
          <UnitSwitch value={unit} onChange={setUnit} />
          <Button icon={<DownloadOutlined />} onClick={() => meteringApi.exportBoard({ day: query.day, q: query.q, type, city: query.city, flag, ...sort, unit })}>
            {t('a.export')}
          </Button>
        </>
      }
    >
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('stat.customers')} value={b?.summary.customers ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={`${t('stat.volume')} (${u})`} value={b ? fmtQty(b.summary.volumeM3, b.summary.energyGJ, unit) : '—'} />
          </Card>
        </Col>
        {(['missing', 'zero', 'jump', 'above_max'] as Flag[]).map(stat)}
      </Row>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          value={day ?? (config.data ? dayjs(config.data.lastCompleteGasDay) : null)}
          onChange={(d) => setDay(d)}
          allowClear={false}
          disabledDate={(d) => !!config.data && d.isAfter(dayjs(config.data.currentGasDay))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('f.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        <Select allowClear style={{ width: 140 }} placeholder={t('f.type')} value={type} onChange={setType} options={TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))} />
        <Input allowClear style={{ width: 140 }} placeholder={t('f.city')} value={city} onChange={(e) => setCity(e.target.value)} />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('f.flag')}
          value={flag}
          onChange={setFlag}
          options={['any', 'missing', 'zero', 'jump', 'above_max', 'estimate', 'none'].map((x) => ({ value: x, label: t(`flag.${x}`) }))}
        />
        <Button
          onClick={() => {
            setQ('');
            setSearch('');
            setType(undefined);
            setCity('');
            setFlag(undefined);
          }}
        >
          {tc('actions.reset')}
        </Button>
      </Flex>
      {board.error ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <Table<BoardItem>
          data-testid="board-table"
          rowKey="customerId"
          size="small"
          scroll={{ x: 1300 }}
          loading={board.isFetching}
          dataSource={b?.items ?? []}
          columns={columns}
          locale={{ emptyText: tc('state.empty') }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: b?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => tc('fields.total', { count: n }),
          }}
          onChange={(p, _f, s) => {
            const so = (Array.isArray(s) ? s[0] : s) as SorterResult<BoardItem>;
            const key = String(so?.columnKey ?? '');
            setSort(so?.order && SORT_FIELDS[key] ? { sort: SORT_FIELDS[key], order: so.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'flags', order: 'desc' });
            setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 });
          }}
        />
      )}
    </PageContainer>
  );
}

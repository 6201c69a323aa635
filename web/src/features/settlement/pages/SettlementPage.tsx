/** 月度结算: choose a month, run / confirm / close / reopen, month summary, every customer's statement. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Select, Space, Table, Tag, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatFen, formatNumber } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { settlementApi, useMonthSummary, useMonths, useStatements, useTagName, type StatementRow, type SummaryGroup } from '../api';

const STATUS_COLOR = { draft: 'default', confirmed: 'blue', closed: 'green' } as const;

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

export default function SettlementPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const month = sp.get('month') ?? lastMonth();
  const [page, setPage] = useState({ page: 1, pageSize: 20, q: '' });
  const months = useMonths();
  const current = months.data?.find((m) => m.month === month);
  const list = useStatements(month, page, !!current);
  const summary = useMonthSummary(month, !!current);
  const tagName = useTagName();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['settlement'] });
  const act = async <R,>(call: () => Promise<R>, ok: (r: R) => string) => {
    try {
      const r = await call();
      message.success(ok(r));
      refresh();
    } catch (e: any) {
      modal.error({ title: e.code ?? tc('state.error'), content: e.message, width: 640 });
    }
  };
  const reopen = () => {
    let reason = '';
    modal.confirm({
      title: t('a.reopen'),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('msg.reopenHint')}</span>
          <Input.TextArea data-testid="reopen-reason" onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      onOk: () =>
        act(
          () => settlementApi.reopenMonth(month, { reason }),
          () => t('msg.reopened'),
        ),
    });
  };
  const status = current?.status;
  const canRun = useCan('settlement:run');
  const canClose = useCan('settlement:close');
  // the newest month that has a settlement run: offered when the chosen month has none
  const latestRun = months.data
    ?.map((m) => m.month)
    .sort()
    .at(-1);
  const monthOptions = [...new Set([month, lastMonth(), ...(months.data?.map((m) => m.month) ?? [])])].sort().reverse();
  const groupCols = (key: string) => [
    { title: key, dataIndex: 'key', render: (v: string) => (v === 'adjustment' ? t('kind.adjustment') : tagName(v) || '—') },
    { title: t('f.quantity'), dataIndex: 'quantity', align: 'right' as const, render: (v: string, r: SummaryGroup) => `${formatNumber(v, 0)} ${r.basis === 'GJ' ? 'GJ' : 'm³'}` },
    { title: t('f.amount'), dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => formatFen(v) },
    { title: t('f.customers'), dataIndex: 'customers', align: 'right' as const },
  ];
  return (
    <PageContainer
      title={t('menu.settlement')}
      extra={
        <Space wrap>
          <Select data-testid="month-select" showSearch style={{ width: 130 }} value={month} options={monthOptions.map((m) => ({ value: m, label: m }))} onChange={(v) => setSp({ month: v })} />
          {status && <Tag color={STATUS_COLOR[status]}>{t(`mstatus.${status}`)}</Tag>}
          {canRun && (!status || status === 'draft') && (
            <Button
              type="primary"
              onClick={() =>
                act(
                  () => settlementApi.runMonth(month),
                  (r) => t('msg.ran', { customers: r.customers, total: formatFen(r.totalFen), trueUp: formatFen(r.trueUpPostedFen) }),
                )
              }
            >
              {t('a.run')}
            </Button>
          )}
          {canRun && status === 'draft' && (
            <Button
              onClick={() =>
                act(
                  () => settlementApi.confirmMonth(month),
                  () => t('msg.confirmed'),
                )
              }
            >
              {t('a.confirm')}
            </Button>
          )}
          {canClose && status === 'confirmed' && (
            <Button
              onClick={() =>
                act(
                  () => settlementApi.closeMonth(month),
                  () => t('msg.closed'),
                )
              }
            >
              {t('a.close')}
            </Button>
          )}
          {canClose && status === 'closed' && (
            <Button danger onClick={reopen}>
              {t('a.reopen')}
            </Button>
          )}
          {current && <Button onClick={() => settlementApi.exportStatements(month).catch((e) => message.error(e.message))}>{tc('actions.export')}</Button>}
        </Space>
      }
    >
      {months.isError && <ErrorState error={months.error} onRetry={() => void months.refetch()} />}
      {status === 'closed' && <Alert type="info" showIcon message={t('msg.locked')} style={{ marginBottom: 12 }} />}
      {current && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('f.customers')}>{formatNumber(current.customers)}</Descriptions.Item>
          <Descriptions.Item label={t('f.amount')}>{formatFen(current.totalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('f.trueUp')}>{formatFen(current.trueUpFen)}</Descriptions.Item>
          <Descriptions.Item label={t('f.runs')}>{current.runs}</Descriptions.Item>
        </Descriptions>
      )}
      {months.isSuccess && !current ? (
        <Alert
          type="info"
          showIcon
          data-testid="settlement-not-run"
          message={t('msg.notRun', { month })}
          description={
            <Space direction="vertical" size={4}>
              <span>{canRun ? t('msg.notRunRun') : t('msg.notRunView')}</span>
              {latestRun && (
                <Button type="link" style={{ padding: 0 }} onClick={() => setSp({ month: latestRun })}>
                  {t('msg.latest', { month: latestRun })}
                </Button>
              )}
            </Space>
          }
        />
      ) : (
        <Tabs
          items={[
            {
              key: 'statements',
              label: t('a.statement'),
              children: list.isError ? (
                <ErrorState error={list.error} onRetry={() => void list.refetch()} />
              ) : (
                <>
                  <Input.Search allowClear placeholder={t('f.search')} style={{ width: 240, marginBottom: 8 }} onSearch={(v) => setPage({ ...page, page: 1, q: v })} />
                  <Table<StatementRow>
                    rowKey="customerId"
                    size="small"
                    loading={list.isFetching}
                    dataSource={list.data?.items}
                    scroll={{ x: 1000 }}
                    pagination={{
                      current: page.page,
                      pageSize: page.pageSize,
                      total: list.data?.total,
                      showSizeChanger: true,
                      showTotal: (n) => tc('fields.total', { count: n }),
                      onChange: (p, s) => setPage({ ...page, page: p, pageSize: s }),
                    }}
                    columns={[
                      { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => <Link to={`/settlement/${month}/customers/${r.customerId}`}>{v}</Link> },
                      { title: t('f.contractNo'), dataIndex: 'contractNo', render: (v) => v ?? '—' },
                      { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${r.basis === 'GJ' ? 'GJ' : 'm³'}` },
                      {
                        title: t('f.actual'),
                        dataIndex: 'actual',
                        align: 'right',
                        render: (v, r) => (
                          <>
                            {formatNumber(v, 0)} {r.basis === 'GJ' ? 'GJ' : 'm³'} {r.overTake && <Tag color="orange">{t('msg.overTake')}</Tag>}
                          </>
                        ),
                      },
                      { title: t('f.amount'), dataIndex: 'totalFen', align: 'right', render: (v) => formatFen(v) },
                      { title: t('f.daily'), dataIndex: 'dailyChargesFen', align: 'right', render: (v) => formatFen(v) },
                      { title: t('f.trueUp'), dataIndex: 'trueUpFen', align: 'right', render: (v) => formatFen(v) },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'summary',
              label: t('f.byTag'),
              children: (
                <Row gutter={12}>
                  {(['byTag', 'byType', 'byCity'] as const).map((k) => (
                    <Col xs={24} lg={8} key={k}>
                      <Card size="small" title={t(`f.${k}`)}>
                        <Table<SummaryGroup>
                          rowKey={(r) => r.key + r.basis}
                          size="small"
                          pagination={false}
                          loading={summary.isFetching}
                          dataSource={summary.data?.[k]}
                          columns={groupCols(t(`f.${k}`))}
                        />
                      </Card>
                    </Col>
                  ))}
                </Row>
              ),
            },
          ]}
        />
      )}
    </PageContainer>
  );
}

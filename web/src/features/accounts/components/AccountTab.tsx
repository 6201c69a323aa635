/** Customer page tab 气款账户: balance and level, postings with pagination, payments, adjustments, refunds, reversals, statements. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen, formatNumber } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { accountsApi, useSave, useSummary, useTransactions, type Tx, type TxKind } from '../api';
import { Days, LevelTag } from './common';
import { AdjustmentModal, PaymentModal, PricesModal, RefundModal, StatementModal, ThresholdsModal } from './dialogs';

const KINDS: TxKind[] = ['payment', 'daily_charge', 'settlement_true_up', 'adjustment', 'refund', 'reversal'];

export default function AccountTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const canPay = useCan('payments:write');
  const canAdjust = useCan('adjustments:write');
  const canReverse = useCan('adjustments:approve');
  const canSettings = useCan('settings:manage');
  const [q, setQ] = useState<Record<string, any>>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<null | 'pay' | 'adjust' | 'refund' | 'statement' | 'thresholds' | 'prices'>(null);
  const s = useSummary(customerId);
  const txs = useTransactions(customerId, q);
  const reverse = useSave((id: number) => accountsApi.reverse(id, { reason: t('a.reverse') }));
  if (s.isLoading) return <Loading />;
  if (s.isError) return <ErrorState error={s.error} onRetry={() => void s.refetch()} />;
  const d = s.data!;
  const close = () => setDialog(null);
  return (
    <div>
      {!d.monitored && <Alert type="info" showIcon message={t('msg.notMonitored')} style={{ marginBottom: 12 }} />}
      {d.pendingAdjustments > 0 && <Alert type="warning" showIcon message={t('msg.pending', { count: d.pendingAdjustments })} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic title={t('f.level')} valueRender={() => <LevelTag level={d.level} since={d.sinceDay} />} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('f.balance')} value={formatFen(d.balanceFen)} valueStyle={{ color: d.balanceFen < 0 ? '#cf1322' : undefined }} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('f.receivable')} value={formatFen(d.receivableFen)} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('f.availableDays')} valueRender={() => <Days v={d.availableDays} />} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('f.avgCharge')} value={d.avgDailyChargeFen == null ? '—' : formatFen(d.avgDailyChargeFen)} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={`${t('f.dayVolume')}${d.asOfDay ? ` · ${d.asOfDay}` : ''}`} value={d.dayVolumeM3 == null ? '—' : formatNumber(d.dayVolumeM3, 0)} />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('msg.levelRule')}（{t('f.warnDays')} {d.thresholds.effective.warnDays} / {t('f.reduceDays')} {d.thresholds.effective.reduceDays} / N = {d.thresholds.effective.avgDays}）
        </Typography.Text>
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        {canPay && (
          <Button type="primary" onClick={() => setDialog('pay')}>
            {t('a.pay')}
          </Button>
        )}
        {canAdjust && <Button onClick={() => setDialog('adjust')}>{t('a.adjust')}</Button>}
        {canPay && <Button onClick={() => setDialog('refund')}>{t('a.refund')}</Button>}
        <Button onClick={() => setDialog('statement')}>{t('a.statement')}</Button>
        {canSettings && <Button onClick={() => setDialog('thresholds')}>{t('a.thresholds')}</Button>}
        <Button onClick={() => setDialog('prices')}>{t('a.prices')}</Button>
        <Select allowClear placeholder={t('f.kind')} style={{ width: 140 }} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} onChange={(kind) => setQ({ ...q, kind, page: 1 })} />
      </Space>
      {txs.isError ? (
        <ErrorState error={txs.error} onRetry={() => void txs.refetch()} />
      ) : (
        <Table<Tx>
          size="small"
          rowKey="id"
          scroll={{ x: 1400 }}
          loading={txs.isFetching}
          dataSource={txs.data?.items}
          pagination={{ current: q.page, pageSize: q.pageSize, total: txs.data?.total, showSizeChanger: true, onChange: (page, pageSize) => setQ({ ...q, page, pageSize }) }}
          columns={[
            { title: t('f.date'), dataIndex: 'businessDate', width: 110, fixed: 'left' },
            {
              title: t('f.kind'),
              dataIndex: 'kind',
              width: 240,
              render: (k: TxKind, r) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  {t(`kind.${k}`)}
                  {r.priceSource && <Tag color={r.priceSource === 'contract' ? 'blue' : 'orange'}>{t(`priceSource.${r.priceSource}`)}</Tag>}
                  {r.reversedById && (
                    <Tag>
                      {t('a.reverse')} #{r.reversedById}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('f.reference'), dataIndex: 'reference', width: 200, ellipsis: { showTitle: true }, render: (v) => v ?? '—' },
            { title: t('f.note'), dataIndex: 'note', ellipsis: true, render: (v) => v ?? '—' },
            {
              title: t('f.chargeVolume'),
              key: 'volume',
              align: 'right',
              width: 130,
              render: (_, r) =>
                r.dayCharge ? (
                  <span data-testid="charge-volume">
                    {formatNumber(r.dayCharge.volumeM3, 3)}
                    {r.dayCharge.basis === 'GJ' && r.dayCharge.quantity != null && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {formatNumber(r.dayCharge.quantity, 3)} GJ
                      </Typography.Text>
                    )}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('f.unitPrice'),
              key: 'price',
              align: 'right',
              width: 130,
              render: (_, r) =>
                r.dayCharge?.price != null ? (
                  <span data-testid="charge-price">
                    {r.dayCharge.price} {t(r.dayCharge.basis === 'GJ' ? 'f.yuanPerGJ' : 'f.yuanPerM3')}
                  </span>
                ) : r.earlyCharge ? (
                  // posted before the daily run stored volume and price (migration 202612071428)
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="charge-early">
                    {t('f.earlyCharge')}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <span style={{ color: v < 0 ? '#cf1322' : '#389e0d' }}>{formatFen(v)}</span> },
            {
              title: t('f.balanceAfter'),
              dataIndex: 'balanceAfterFen',
              align: 'right',
              render: (v: number) => (
                <span data-testid="balance-after" style={{ color: v < 0 ? '#cf1322' : undefined }}>
                  {formatFen(v)}
                </span>
              ),
            },
            { title: t('f.createdBy'), dataIndex: 'createdBy', render: (v) => v ?? '—' },
            {
              title: '',
              key: 'op',
              width: 80,
              fixed: 'right',
              render: (_, r) =>
                canReverse && !r.reversedById && r.kind !== 'reversal' && r.kind !== 'daily_charge' ? (
                  <Popconfirm
                    title={t('msg.reverseConfirm')}
                    onConfirm={() =>
                      reverse.mutateAsync(r.id).then(
                        () => message.success(t('msg.reversed')),
                        (e) => message.error(e.message),
                      )
                    }
                  >
                    <Button size="small" type="link">
                      {t('a.reverse')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      <PaymentModal customerId={customerId} open={dialog === 'pay'} onClose={close} />
      <AdjustmentModal customerId={customerId} open={dialog === 'adjust'} onClose={close} />
      <RefundModal customerId={customerId} open={dialog === 'refund'} onClose={close} />
      <StatementModal customerId={customerId} open={dialog === 'statement'} onClose={close} />
      {dialog === 'thresholds' && <ThresholdsModal summary={d} open onClose={close} />}
      <PricesModal customerId={customerId} open={dialog === 'prices'} onClose={close} />
    </div>
  );
}

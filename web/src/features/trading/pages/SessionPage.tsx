/** One session: header, live counters (server-sent events), bidding form, results with the bid-stack chart, training record. */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Popconfirm, Rate, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen, formatNumber } from '../../../lib/format';
import { PageContainer, Section } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { useCan, useMe } from '../../../app/auth';
import { Chart } from '../../../components/lazyChart';
import { NS, useBasisT } from '../i18n';
import {
  tradingApi,
  usePickCustomers,
  useResult,
  useTraining,
  useTradingMutation,
  type AgreementConfirmInput,
  type Award,
  type Bid,
  type BidInput,
  type FeedbackInput,
  type Live,
  type Result,
  type Session,
} from '../api';
import { STATE_COLORS, stateLabel } from './SessionsPage';
import { validFields } from '../../../lib/forms';
import { ExportButton } from '../components/ExportButton';
import { printNotice } from '../components/print-notice';

export default function SessionPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const q = useResult(id);
  const canOrganise = useCan('trading:organise');
  const close = useTradingMutation(() => tradingApi.close(id));
  const clear = useTradingMutation(() => tradingApi.clear(id));
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data.session;
  return (
    <PageContainer
      title={
        <Space>
          {s.title}
          <Tag color={s.kind === 'simulation' ? 'purple' : 'blue'}>{t(`kind.${s.kind}`)}</Tag>
          <Tag color={STATE_COLORS[s.state]} data-testid="trading-state">
            {stateLabel(t, s)}
          </Tag>
        </Space>
      }
      extra={
        canOrganise &&
        s.mode !== 'agreement' && (
          <>
            {s.state === 'open' && (
              <Button
                data-testid="trading-close"
                loading={close.isPending}
                onClick={() => close.mutate(undefined, { onSuccess: () => message.success(t('msg.closed')), onError: (e) => message.error(e.message) })}
              >
                {t('a.close')}
              </Button>
            )}
            {s.state === 'closed' && (
              <Popconfirm title={t('msg.confirmClear')} onConfirm={() => clear.mutate(undefined, { onSuccess: () => message.success(t('msg.cleared')), onError: (e) => message.error(e.message) })}>
                <Button type="primary" data-testid="trading-clear" loading={clear.isPending}>
                  {t('a.clear')}
                </Button>
              </Popconfirm>
            )}
          </>
        )
      }
    >
      <SessionHeader s={s} />
      {s.mode === 'agreement' ? (
        <AgreementPanel s={s} />
      ) : (
        <>
          {(s.state === 'open' || s.state === 'upcoming') && <LivePanel id={id} basis={s.basis} />}
          {s.state === 'open' && <BidForm s={s} />}
        </>
      )}
      {s.state === 'cleared' && <ResultPanel r={q.data} />}
      {s.state !== 'cleared' && s.mode !== 'agreement' && <BidsTable bids={q.data.bids} s={s} />}
      {s.kind === 'simulation' && <TrainingPanel s={s} />}
    </PageContainer>
  );
}

function SessionHeader({ s }: { s: Session }) {
  const t = useBasisT(s.basis);
  return (
    <Section>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('f.mode')}>{t(`mode.${s.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.tag')}>{s.resourceTag}</Descriptions.Item>
        <Descriptions.Item label={t('f.month')}>
          {s.deliveryMonth} · {s.deliveryPoint}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.quantity')}>{formatNumber(s.quantity)}</Descriptions.Item>
        {s.agreement ? (
          <>
            <Descriptions.Item label={t('agreement.customer')}>{s.agreement.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('agreement.price')}>{s.agreement.price}</Descriptions.Item>
            <Descriptions.Item label={t('agreement.confirmBy')}>{formatDateTime(s.closesAt)}</Descriptions.Item>
          </>
        ) : (
          <>
            <Descriptions.Item label={`${t('f.min')} / ${t('f.max')}`}>
              {formatNumber(s.minPerBuyer)} / {formatNumber(s.maxPerBuyer)}
            </Descriptions.Item>
            <Descriptions.Item label={s.mode === 'listing' ? t('f.fixedPrice') : `${t('f.floorPrice')} / ${t('f.step')}`}>
              {s.mode === 'listing' ? s.fixedPrice : `${s.floorPrice} / ${s.priceStep}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.window')}>
              {formatDateTime(s.opensAt)} – {formatDateTime(s.closesAt)}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={`${t('f.deposit')} / ${t('f.fee')}`}>
          {formatNumber(Number(s.depositRatio) * 100, 1)} % / {formatNumber(Number(s.feeRate) * 1000, 1)} ‰
        </Descriptions.Item>
        <Descriptions.Item label={t('f.pricing')}>{t(`pricing.${s.pricing}`)}</Descriptions.Item>
      </Descriptions>
    </Section>
  );
}

/** 协议: both parties' confirmations; while awaiting the buyer, the form to record its confirmation on the customer's behalf. */
function AgreementPanel({ s }: { s: Session }) {
  const t = useBasisT(s.basis);
  const { message } = App.useApp();
  const canWrite = useCan('trading:write');
  const [form] = Form.useForm();
  const confirm = useTradingMutation((b: AgreementConfirmInput) => tradingApi.confirmAgreement(s.id, b));
  const a = s.agreement!;
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    confirm.mutate(
      { buyerConfirmedOn: v.buyerConfirmedOn.format('YYYY-MM-DD'), buyerDocument: v.buyerDocument },
      { onSuccess: () => message.success(t('agreement.confirmed')), onError: (e) => message.error(e.message) },
    );
  };
  return (
    <Section title={t('agreement.section')}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('agreement.sellerOn')}>{a.sellerConfirmedOn}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.sellerDoc')}>{a.sellerDocument}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.buyerOn')}>{a.buyerConfirmedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.buyerDoc')}>{a.buyerDocument ?? '—'}</Descriptions.Item>
        {a.buyerRecordedByName && <Descriptions.Item label={t('agreement.recordedBy')}>{a.buyerRecordedByName}</Descriptions.Item>}
        {a.note && <Descriptions.Item label={t('agreement.note')}>{a.note}</Descriptions.Item>}
      </Descriptions>
      <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('agreement.noDeposit')} />
      {s.state === 'open' && canWrite && (
        <Form form={form} layout="inline" style={{ marginTop: 12 }}>
          <Form.Item name="buyerConfirmedOn" label={t('agreement.buyerOn')} rules={[{ required: true }]}>
            <DatePicker id="agreement-buyer-on" />
          </Form.Item>
          <Form.Item name="buyerDocument" label={t('agreement.buyerDoc')} rules={[{ required: true, max: 200 }]}>
            <Input id="agreement-buyer-doc" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={confirm.isPending} data-testid="agreement-confirm">
            {t('agreement.confirm')}
          </Button>
        </Form>
      )}
    </Section>
  );
}

/** Live counters pushed by the server every second (time left, number of bids; never prices). */
function LivePanel({ id, basis }: { id: number; basis: Session['basis'] }) {
  const t = useBasisT(basis);
  const qc = useQueryClient();
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    let last = -1;
    return tradingApi.subscribeLive(id, (v) => {
      setLive(v);
      if (v.bidCount !== last || v.state !== 'open') {
        if (last !== -1) void qc.invalidateQueries({ queryKey: ['trading', 'result', id] });
        last = v.bidCount;
      }
    });
  }, [id, qc]);
  if (!live) return <Card size="small" loading style={{ marginBottom: 12 }} />;
  const hms = (n: number) => `${Math.floor(n / 3600)}:${String(Math.floor((n % 3600) / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  return (
    <Section title={t('live.sealed')}>
      <Row gutter={[16, 12]}>
        <Col xs={12} md={8}>
          <Statistic title={t('live.left')} value={live.state === 'open' ? hms(live.secondsLeft) : t('live.ended')} />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.bids')} value={live.bidCount} valueRender={(v) => <span data-testid="trading-live-bids">{v}</span>} />
        </Col>
        <Col xs={12} md={8}>
          {live.grantedQuantity != null ? (
            <Statistic title={t('live.remaining')} value={formatNumber(Number(live.quantity) - Number(live.grantedQuantity))} />
          ) : (
            <Statistic title={t('live.bidders')} value={live.bidders} />
          )}
        </Col>
      </Row>
    </Section>
  );
}

function BidForm({ s }: { s: Session }) {
  const t = useBasisT(s.basis);
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [search, setSearch] = useState('');
  const customers = usePickCustomers(search, s.kind === 'real');
  const place = useTradingMutation((b: BidInput) => tradingApi.placeBid(s.id, b));
  const mine = s.virtualAccounts.filter((a) => a.userId === me.data?.id);
  const accounts = mine.length ? mine : s.virtualAccounts;
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    place.mutate(
      {
        ...(s.kind === 'real' ? { customerId: v.buyer } : { virtualAccountId: v.buyer }),
        ...(s.mode === 'bidding' ? { price: String(v.price) } : {}),
        quantity: String(v.quantity),
        idempotencyKey: key,
      },
      {
        onSuccess: (r) => {
          message.success(r.duplicate ? t('msg.duplicate') : t('msg.placed', { deposit: formatFen(r.bid.depositFen) }));
          setKey(crypto.randomUUID());
          form.resetFields(['price', 'quantity']);
        },
        onError: (e) => message.error(e.message),
      },
    );
  };
  return (
    <Section title={t('placeBid')}>
      <Form form={form} layout="inline" initialValues={{ buyer: accounts.length === 1 ? accounts[0]!.id : undefined }}>
        <Form.Item name="buyer" label={t('f.buyer')} rules={[{ required: true }]}>
          {s.kind === 'real' ? (
            <Select
              id="trading-buyer"
              showSearch
              filterOption={false}
              onSearch={setSearch}
              style={{ width: 260 }}
              options={customers.data?.items.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
            />
          ) : (
            <Select id="trading-buyer" style={{ width: 200 }} options={accounts.map((a) => ({ value: a.id, label: a.name }))} />
          )}
        </Form.Item>
        {s.mode === 'bidding' && (
          <Form.Item name="price" label={t('f.price')} rules={[{ required: true }]}>
            <InputNumber id="trading-price" min={0.0001} step={s.priceStep ?? 0.01} stringMode style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item name="quantity" label={t('f.bidQty')} rules={[{ required: true }]}>
          <InputNumber id="trading-quantity" min={1} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" onClick={submit} loading={place.isPending} data-testid="trading-bid-submit">
          {t('a.bid')}
        </Button>
      </Form>
    </Section>
  );
}

function BidsTable({ bids, s }: { bids: Bid[]; s: Session }) {
  const t = useBasisT(s.basis);
  return (
    <Section title={t('bidList')}>
      <Table<Bid>
        rowKey="id"
        size="small"
        dataSource={bids}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('f.buyer'), render: (_, r) => r.customerName ?? r.virtualAccountName },
          { title: t('f.price'), dataIndex: 'price', align: 'right', render: (v) => v ?? '***' },
          { title: t('f.bidQty'), dataIndex: 'quantity', align: 'right', render: (v) => formatNumber(v) },
          ...(s.mode === 'listing' ? [{ title: t('f.granted'), dataIndex: 'grantedQuantity', align: 'right' as const, render: (v: string | null) => formatNumber(v) }] : []),
          { title: t('f.depositFen'), dataIndex: 'depositFen', align: 'right', render: (v) => formatFen(v) },
          { title: t('f.submittedAt'), dataIndex: 'submittedAt', render: (v) => formatDateTime(v) },
        ]}
      />
    </Section>
  );
}

/** Clearing result: the bid stack against the session quantity, bids with outcomes, awards with fees, printable notices. */
function ResultPanel({ r }: { r: Result }) {
  const t = useBasisT(r.session.basis);
  const { message } = App.useApp();
  const canOrganise = useCan('trading:organise');
  const s = r.session;
  let cum = 0;
  const stack = r.bids.filter((b) => b.price != null).map((b) => ({ b, from: cum, to: (cum += Number(b.quantity)) }));
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 30, top: 30, bottom: 40 },
    xAxis: { type: 'value', name: t('chart.cumulative'), axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: 'value', name: t('chart.price'), scale: true },
    series: [
      {
        type: 'line',
        step: 'end',
        name: t('chart.price'),
        data: stack.flatMap((x) => [
          [x.from, Number(x.b.price)],
          [x.to, Number(x.b.price)],
        ]),
        markLine: { symbol: 'none', label: { formatter: t('chart.quantity') }, data: [{ xAxis: Number(s.quantity) }] },
        areaStyle: { opacity: 0.15 },
      },
    ],
  };
  const print = (a: Award) =>
    printNotice(t, {
      buyer: a.customerName ?? a.virtualAccountName ?? '',
      session: s.title,
      quantity: a.quantity,
      basis: s.basis,
      price: a.price,
      amountFen: a.amountFen,
      buyerFeeFen: a.buyerFeeFen,
      awardedAt: a.awardedAt,
    });
  const notify = useTradingMutation(() => tradingApi.sendNotices(s.id));
  return (
    <>
      <Section
        title={t('result')}
        extra={
          <Space wrap>
            <ExportButton testId="trading-export-result" download={() => tradingApi.exportResult(s.id)} />
            {canOrganise && s.kind === 'real' && s.state === 'cleared' && r.awards.length > 0 && (
              <Popconfirm
                title={t('confirmNotify')}
                onConfirm={() => notify.mutate(undefined, { onSuccess: (x) => message.success(t('notified', { count: x.customers })), onError: (e) => message.error(e.message) })}
              >
                <Button loading={notify.isPending} data-testid="trading-notify">
                  {t('notify')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {/* two figures a row on a phone (at 390 px four side by side overlapped), four on a laptop */}
        <Row gutter={[16, 12]} style={{ marginBottom: 12 }} data-testid="trading-result-figures">
          <Col xs={12} md={6}>
            <Statistic title={t('f.sold')} value={formatNumber(r.totals.soldQuantity)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('f.clearingPrice')} value={s.clearingPrice ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('f.amount')} value={formatFen(r.totals.amountFen)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={`${t('f.buyerFee')} + ${t('f.sellerFee')}`} value={formatFen(r.totals.buyerFeesFen + r.totals.sellerFeesFen)} />
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('chart.stack')}</Typography.Text>
        <Chart option={option} height={280} />
      </Section>
      <Section title={t('bidList')}>
        <Table<Bid>
          rowKey="id"
          size="small"
          dataSource={r.bids}
          pagination={{ pageSize: 20 }}
          data-testid="trading-result-bids"
          columns={[
            { title: t('f.rank'), dataIndex: 'rank', width: 60 },
            { title: t('f.buyer'), render: (_, b) => b.customerName ?? b.virtualAccountName },
            { title: t('f.price'), dataIndex: 'price', align: 'right' },
            { title: t('f.bidQty'), dataIndex: 'quantity', align: 'right', render: (v) => formatNumber(v) },
            { title: t('f.filled'), dataIndex: 'filledQuantity', align: 'right', render: (v) => formatNumber(v) },
            { title: t('f.outcome'), dataIndex: 'outcome', render: (v) => v && <Tag color={v === 'filled' ? 'green' : v === 'partial' ? 'gold' : 'default'}>{t(`outcome.${v}`)}</Tag> },
          ]}
        />
      </Section>
      <Section title={t('result')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={r.awards}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('f.buyer'), render: (_, a) => a.customerName ?? a.virtualAccountName },
            { title: t('f.filled'), dataIndex: 'quantity', align: 'right', render: (v) => formatNumber(v) },
            { title: t('f.dealPrice'), dataIndex: 'price', align: 'right' },
            { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.buyerFee'), dataIndex: 'buyerFeeFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.applied'), dataIndex: 'depositAppliedFen', align: 'right', render: (v) => formatFen(v) },
            { title: t('f.released'), dataIndex: 'depositReleasedFen', align: 'right', render: (v) => formatFen(v) },
            {
              title: '',
              render: (_, a) => (
                <Button size="small" onClick={() => print(a)} data-testid="trading-print-notice">
                  {t('a.print')}
                </Button>
              ),
            },
          ]}
        />
      </Section>
    </>
  );
}

function TrainingPanel({ s }: { s: Session }) {
  const t = useBasisT(s.basis);
  const { message } = App.useApp();
  const q = useTraining(s.id, true);
  const [form] = Form.useForm();
  const send = useTradingMutation((b: FeedbackInput) => tradingApi.sendFeedback(s.id, b));
  return (
    <Section title={t('training')}>
      <Table
        rowKey="virtualAccountId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.participants}
        pagination={false}
        columns={[
          { title: t('f.participant'), dataIndex: 'name' },
          { title: t('f.userName'), render: (_, p) => p.userName ?? p.customerName },
          { title: t('f.bids'), dataIndex: 'bids', align: 'right' },
          { title: t('f.won'), dataIndex: 'wonQuantity', align: 'right', render: (v) => formatNumber(v) },
        ]}
      />
      <Table
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        dataSource={q.data?.feedback}
        pagination={false}
        columns={[
          { title: t('f.topic'), dataIndex: 'topic', width: 100, render: (v) => t(`topic.${v}`) },
          { title: t('f.rating'), dataIndex: 'rating', width: 160, render: (v) => <Rate disabled value={v} /> },
          { title: t('f.comment'), dataIndex: 'comment' },
          { title: t('f.participant'), render: (_, f) => f.virtualAccountName ?? f.createdByName },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 12 }} initialValues={{ topic: 'rules', rating: 4 }}>
        <Form.Item name="topic">
          <Select style={{ width: 120 }} options={['rules', 'system', 'other'].map((v) => ({ value: v, label: t(`topic.${v}`) }))} />
        </Form.Item>
        <Form.Item name="rating">
          <Rate />
        </Form.Item>
        <Form.Item name="comment" rules={[{ required: true, max: 2000 }]}>
          <Input style={{ width: 320 }} placeholder={t('f.comment')} />
        </Form.Item>
        <Button
          onClick={async () => {
            const v = await validFields(form);
            if (v) send.mutate(v, { onSuccess: () => form.resetFields(['comment']), onError: (e) => message.error(e.message) });
          }}
        >
          {t('a.feedback')}
        </Button>
      </Form>
    </Section>
  );
}

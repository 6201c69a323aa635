/** A curtailment plan: lines per customer and day, node loads, adjust by hand, recompute, approve, notices, export, what-if. */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatDateTime, formatNumber, formatWanfang, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { supplyApi, usePlan, useSupplyMutation, type Avail, type NodeLoad, type PlanLine } from '../api';
import { AvailabilityEditor, cleanAvail } from '../components/AvailabilityEditor';
import { PlanLinesTable } from '../components/PlanLinesTable';
import { ignoreInvalid } from '../../../lib/forms';

function AdjustDialog({ planId, line, onClose }: { planId: number; line: PlanLine | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ allowedM3: string; reason: string }>();
  const m = useSupplyMutation((v: { allowedM3: string; reason: string }) =>
    supplyApi.adjustLine(planId, { customerId: line!.customerId, gasDay: line!.gasDay, allowedM3: v.allowedM3, reason: v.reason }),
  );
  if (!line) return null;
  return (
    <Modal
      open
      title={`${t('a.adjust')}：${line.name} ${line.gasDay}`}
      onCancel={onClose}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'adjust-save' } as any}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => m.mutate(v, { onSuccess: () => (void message.success(t('msg.saved')), onClose()), onError: (e) => void message.error(e.message) }))
          .catch(ignoreInvalid)
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('f.demand')}：{formatNumber(line.demandM3, 3)} m³
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ allowedM3: line.allowedM3 }}>
        <Form.Item name="allowedM3" label={t('f.allowed')} rules={[{ required: true }]}>
          <Input inputMode="decimal" data-testid="adjust-allowed" />
        </Form.Item>
        <Form.Item name="reason" label={t('f.adjustReason')} rules={[{ required: true, message: t('f.adjustReason') }]}>
          <Input maxLength={500} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Loads({ nodes }: { nodes: NodeLoad[] }) {
  const { t } = useTranslation(NS);
  return (
    <Table<NodeLoad>
      size="small"
      rowKey="ref"
      dataSource={nodes}
      pagination={{ pageSize: 15 }}
      columns={[
        { title: t('f.node'), dataIndex: 'name' },
        { title: t('f.kind'), dataIndex: 'kind', render: (k) => t(`kind.${k}`) },
        { title: t('f.capacity'), dataIndex: 'capacityM3', align: 'right', render: (v) => formatNumber(v, 0) },
        { title: t('f.allocated'), dataIndex: 'allocatedM3', align: 'right', render: (v) => formatNumber(v, 0) },
        { title: '%', key: 'p', align: 'right', render: (_, r) => (r.capacityM3 && Number(r.capacityM3) > 0 ? `${((Number(r.allocatedM3) / Number(r.capacityM3)) * 100).toFixed(1)}%` : '—') },
        { title: t('f.fullFor'), dataIndex: 'fullFor', render: (v: string[]) => v.map((c) => <Tag key={c}>{t(`cls.${c}`)}</Tag>) },
      ]}
    />
  );
}

function WhatIf({ from, to, initial, saved }: { from: string; to: string; initial: Avail[]; saved: PlanLine[] }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [avail, setAvail] = useState<Avail[]>(initial);
  const m = useSupplyMutation((a: Avail[]) => supplyApi.previewPlan({ fromDay: from, toDay: to, availability: cleanAvail(a) }));
  const compare = useMemo(() => new Map(saved.map((l) => [`${l.customerId}|${l.gasDay}`, l.allowedM3])), [saved]);
  const total = (ls: PlanLine[]) => ls.reduce((s, l) => s + Number(l.allowedM3), 0);
  return (
    <>
      <Alert type="info" showIcon message={t('msg.whatIfHint')} style={{ marginBottom: 8 }} />
      <AvailabilityEditor value={avail} onChange={setAvail} />
      <Button type="primary" style={{ marginTop: 8 }} data-testid="whatif-run" loading={m.isPending} onClick={() => m.mutate(avail, { onError: (e) => void message.error(e.message) })}>
        {t('a.whatIf')}
      </Button>
      {m.data && (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph data-testid="whatif-total">
            {paren(`${t('f.allowed')}${tc('colon')}${formatNumber(total(m.data.lines), 0)} m³`, `${formatNumber(total(saved), 0)} m³ → ${formatNumber(total(m.data.lines), 0)} m³`)} ·{' '}
            <Tag color="purple">{t('msg.changed')}</Tag>
          </Typography.Paragraph>
          <PlanLinesTable lines={m.data.lines.map((l) => ({ ...l }))} compare={compare} testId="whatif-table" />
        </div>
      )}
    </>
  );
}

export default function PlanPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [day, setDay] = useState<string | undefined>();
  const q = usePlan(id, day);
  const canWrite = useCan('supply:write');
  const canApprove = useCan('supply:approve');
  const [adjusting, setAdjusting] = useState<PlanLine | null>(null);
  const recompute = useSupplyMutation(() => supplyApi.recomputePlan(id));
  const approve = useSupplyMutation(() => supplyApi.approvePlan(id));
  const notify = useSupplyMutation(() => supplyApi.notifyPlan(id));
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data!;
  const p = d.plan;
  const proposed = p.status === 'proposed';
  const cutCustomers = new Set(d.lines.filter((l) => Number(l.cutM3) > 0).map((l) => l.customerId)).size;
  const days = [...new Set(d.lines.map((l) => l.gasDay))];
  const cb = (msg: string) => ({ onSuccess: () => void message.success(msg), onError: (e: Error) => void message.error(e.message) });
  return (
    <PageContainer
      title={<span data-testid="plan-title">{p.name}</span>}
      subTitle={
        <>
          {p.fromDay === p.toDay ? p.fromDay : `${p.fromDay} ~ ${p.toDay}`} ·{' '}
          <Tag data-testid="plan-status" color={proposed ? 'gold' : 'green'}>
            {t(`planStatus.${p.status}`)}
          </Tag>
          {p.approvedBy && `${t('f.approvedBy')} ${p.approvedBy} · ${formatDateTime(p.approvedAt)}`}
        </>
      }
      extra={
        <>
          <Button onClick={() => void supplyApi.exportPlan(id)}>{t('a.export')}</Button>
          {proposed && canWrite && (
            <Button data-testid="plan-recompute" loading={recompute.isPending} onClick={() => recompute.mutate(undefined, cb(t('msg.saved')))}>
              {t('a.recompute')}
            </Button>
          )}
          {proposed && canApprove && (
            <Button type="primary" data-testid="plan-approve" loading={approve.isPending} onClick={() => approve.mutate(undefined, cb(t('msg.approved')))}>
              {t('a.approve')}
            </Button>
          )}
          {!proposed && canApprove && <Button onClick={() => notify.mutate(undefined, cb(t('msg.notified')))}>{t('a.notify')}</Button>}
        </>
      }
    >
      {d.stale && <Alert type="warning" showIcon message={t('msg.stale')} style={{ marginBottom: 12 }} data-testid="plan-stale" />}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={paren(t('s.demand'), tc('units.wan'))} value={formatWanfang(p.demandM3)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={paren(t('s.allowed'), tc('units.wan'))} value={formatWanfang(p.allowedM3)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={paren(t('s.cut'), tc('units.wan'))} value={formatWanfang(String(Number(p.demandM3) - Number(p.allowedM3)))} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('f.customerCount')} value={`${cutCustomers} / ${p.customers}`} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            { key: 'lines', label: t('menu.plans'), children: <PlanLinesTable lines={d.lines} onAdjust={proposed && canWrite ? setAdjusting : undefined} testId="plan-lines" /> },
            {
              key: 'nodes',
              label: t('f.load'),
              children: (
                <>
                  <Tabs size="small" activeKey={day ?? p.fromDay} onChange={setDay} items={days.map((x) => ({ key: x, label: x }))} />
                  <Loads nodes={d.nodes} />
                </>
              ),
            },
            { key: 'whatif', label: t('a.whatIf'), children: <WhatIf from={p.fromDay} to={p.toDay} initial={p.availability.map(({ name: _n, ...a }) => a)} saved={d.lines} /> },
          ]}
        />
      </Card>
      <AdjustDialog planId={id} line={adjusting} onClose={() => setAdjusting(null)} />
    </PageContainer>
  );
}

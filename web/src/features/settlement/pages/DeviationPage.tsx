/** 偏差结算: periods and their draft lists; per customer: claims, joint review, confirmation form, signed copy, fee. */
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatFen, formatNumber, formatWanfang } from '../../../lib/format';
import { PageContainer, Section } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { settlementApi, useDevCase, useDevPeriod, useDevPeriods, useDevSummary, type DevCase } from '../api';
import { validFields } from '../../../lib/forms';

const CAUSES = ['force_majeure', 'supplier_curtailment', 'earthquake', 'maintenance', 'other'];
const STATUS_COLOR: Record<string, string> = { draft: 'default', reviewed: 'blue', confirmed: 'purple', signed: 'cyan', posted: 'green' };

export default function DeviationPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const year = new Date().getFullYear() - 1;
  const periods = useDevPeriods();
  const [periodId, setPeriodId] = useState<number | null>(null);
  const pid = periodId ?? periods.data?.[0]?.id ?? null;
  const detail = useDevPeriod(pid);
  const summary = useDevSummary(year);
  const [sp] = useSearchParams();
  const [caseId, setCaseId] = useState<number | null>(sp.get('case') ? Number(sp.get('case')) : null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const canWrite = useCan('deviation:write');
  const create = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      const r = await settlementApi.createDevPeriod({ label: v.label, from: v.range[0].format('YYYY-MM'), to: v.range[1].format('YYYY-MM') });
      message.success(t('msg.created', { cases: r.cases }));
      setCreating(false);
      setPeriodId(r.id);
      void qc.invalidateQueries({ queryKey: ['deviation'] });
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const m3 = summary.data?.byBasis.find((b) => b.basis === 'm3');
  return (
    <PageContainer
      title={t('menu.deviation')}
      subTitle={summary.data ? t('msg.yearly', { year, times: summary.data.customerTimes, shortfall: formatWanfang(m3?.shortfall ?? '0', 2), fee: formatFen(summary.data.feeFen) }) : undefined}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('a.newPeriod')}
          </Button>
        )
      }
    >
      {periods.isError && <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />}
      <Space style={{ marginBottom: 12 }}>
        <Select
          data-testid="period-select"
          style={{ width: 260 }}
          value={pid ?? undefined}
          placeholder={t('f.period')}
          options={periods.data?.map((p) => ({ value: p.id, label: `${p.label}（${p.from}~${p.to}）` }))}
          onChange={setPeriodId}
        />
      </Space>
      <Table<DevCase>
        rowKey="id"
        size="small"
        loading={detail.isFetching || periods.isLoading}
        dataSource={pid == null ? [] : detail.data?.cases}
        pagination={{ pageSize: 20, showTotal: (n) => tc('fields.total', { count: n }) }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => <a onClick={() => setCaseId(r.id)}>{v}</a> },
          { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v, r) => `${formatNumber(v, 0)} ${r.basis === 'GJ' ? 'GJ' : 'm³'}` },
          { title: t('f.actual'), dataIndex: 'actual', align: 'right', render: (v) => formatNumber(v, 0) },
          { title: t('f.exempt'), dataIndex: 'exempt', align: 'right', render: (v) => formatNumber(v, 0) },
          { title: t('f.shortfall'), dataIndex: 'shortfall', align: 'right', render: (v) => formatNumber(v, 0) },
          { title: t('f.fee'), dataIndex: 'feeFen', align: 'right', render: (v) => formatFen(v) },
          { title: t('f.status'), dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{t(`dstatus.${s}`)}</Tag> },
        ]}
      />
      <Modal open={creating} title={t('a.newPeriod')} onCancel={() => setCreating(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="label" label={t('f.label')} rules={[{ required: true, message: t('msg.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="range" label={`${t('f.from')} ~ ${t('f.to')}`} rules={[{ required: true, message: t('msg.required') }]}>
            <DatePicker.RangePicker picker="month" />
          </Form.Item>
        </Form>
      </Modal>
      {caseId != null && <CaseDrawer id={caseId} onClose={() => setCaseId(null)} />}
    </PageContainer>
  );
}

function CaseDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useDevCase(id);
  const [claimForm] = Form.useForm();
  const [reviewForm] = Form.useForm();
  const canReview = useCan('deviation:review');
  const canPost = useCan('settlement:run');
  const c = q.data;
  const done = (msg: string) => {
    message.success(msg);
    void qc.invalidateQueries({ queryKey: ['deviation'] });
  };
  const run = async (fn: () => Promise<unknown>, msg: string) => {
    try {
      await fn();
      done(msg);
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const u = c?.basis === 'GJ' ? 'GJ' : 'm³';
  const open = c && (c.status === 'draft' || c.status === 'reviewed');
  return (
    <Drawer open width={720} title={c ? `${c.customerName} · ${c.period.label}` : ''} onClose={onClose}>
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {c && (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('f.contractNo')}>{c.contractNo}</Descriptions.Item>
            <Descriptions.Item label={t('f.status')}>
              <Tag color={STATUS_COLOR[c.status]}>{t(`dstatus.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('f.contracted')}>
              {formatNumber(c.contracted, 3)} {u}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.actual')}>
              {formatNumber(c.actual, 3)} {u}
            </Descriptions.Item>
            <Descriptions.Item label="θ / k">
              {c.theta} / {c.k}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.contractPrice')}>
              {c.contractPrice} {t('msg.unitPrice', { u })}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.exempt')}>
              {formatNumber(c.exempt, 3)} {u}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.shortfall')}>
              {formatNumber(c.shortfall, 3)} {u}
            </Descriptions.Item>
            <Descriptions.Item label={t('f.fee')} span={2}>
              <b data-testid="deviation-fee">{formatFen(c.feeFen)}</b>
            </Descriptions.Item>
          </Descriptions>
          <Section title={t('f.claims')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.claims}
              columns={[
                { title: t('f.cause'), dataIndex: 'cause', render: (v) => t(`cause.${v}`) },
                { title: t('f.claimed'), dataIndex: 'claimed', align: 'right', render: (v) => `${formatNumber(v, 3)} ${u}` },
                { title: t('f.approved'), dataIndex: 'approved', align: 'right', render: (v) => (v == null ? '—' : `${formatNumber(v, 3)} ${u}`) },
                { title: t('f.receivedOn'), dataIndex: 'receivedOn' },
                { title: t('f.description'), dataIndex: 'description', render: (v) => v ?? '—' },
              ]}
            />
            {open && (
              <Form
                form={claimForm}
                layout="inline"
                style={{ marginTop: 8 }}
                onFinish={(v) =>
                  run(
                    () => settlementApi.addClaim(id, { cause: v.cause, claimed: String(v.claimed), description: v.description ?? null, receivedOn: v.receivedOn.format('YYYY-MM-DD') }),
                    t('msg.saved'),
                  )
                }
              >
                <Form.Item name="cause" rules={[{ required: true, message: t('msg.required') }]}>
                  <Select style={{ width: 120 }} placeholder={t('f.cause')} options={CAUSES.map((x) => ({ value: x, label: t(`cause.${x}`) }))} />
                </Form.Item>
                <Form.Item name="claimed" rules={[{ required: true, message: t('msg.required') }]}>
                  <InputNumber placeholder={t('f.claimed')} min={0} stringMode />
                </Form.Item>
                <Form.Item name="receivedOn" rules={[{ required: true, message: t('msg.required') }]}>
                  <DatePicker placeholder={t('f.receivedOn')} />
                </Form.Item>
                <Form.Item name="description">
                  <Input placeholder={t('f.description')} />
                </Form.Item>
                <Button htmlType="submit">{t('a.addClaim')}</Button>
              </Form>
            )}
          </Section>
          {open && canReview && c.claims.length > 0 && (
            <Section title={t('a.review')}>
              <Form
                form={reviewForm}
                layout="vertical"
                onFinish={(v) =>
                  run(
                    () =>
                      settlementApi.review(id, {
                        heldOn: v.heldOn.format('YYYY-MM-DD'),
                        participants: v.participants,
                        decision: v.decision,
                        claims: c.claims.map((cl) => ({ claimId: cl.id, approved: String(v[`a${cl.id}`] ?? '0') })),
                      }),
                    t('msg.saved'),
                  )
                }
              >
                <Space wrap>
                  <Form.Item name="heldOn" label={t('f.heldOn')} rules={[{ required: true, message: t('msg.required') }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="participants" label={t('f.participants')} rules={[{ required: true, message: t('msg.required') }]}>
                    <Input style={{ width: 280 }} />
                  </Form.Item>
                </Space>
                {c.claims.map((cl) => (
                  <Form.Item key={cl.id} name={`a${cl.id}`} label={`${t('f.approved')} #${cl.id}（≤ ${cl.claimed}）`} rules={[{ required: true, message: t('msg.required') }]}>
                    <InputNumber min={0} stringMode style={{ width: 200 }} />
                  </Form.Item>
                ))}
                <Form.Item name="decision" label={t('f.decision')} rules={[{ required: true, message: t('msg.required') }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" type="primary">
                  {t('a.review')}
                </Button>
              </Form>
            </Section>
          )}
          <Space wrap>
            {open && (
              <Button type="primary" onClick={() => run(() => settlementApi.issueConfirmation(c.periodId, c.customerId), t('msg.issued'))}>
                {t('a.issue')}
              </Button>
            )}
            {c.status !== 'draft' && c.status !== 'reviewed' && <Button onClick={() => settlementApi.downloadConfirmation(id).catch((e) => message.error(e.message))}>{t('a.print')}</Button>}
            {(c.status === 'confirmed' || c.status === 'signed') && (
              <Upload showUploadList={false} accept=".pdf,.jpg,.png" customRequest={({ file }) => void run(() => settlementApi.uploadSignedCopy(id, file as File), t('msg.uploaded'))}>
                <Button>{t('a.signed')}</Button>
              </Upload>
            )}
            {c.status === 'signed' && canPost && (
              <Button danger onClick={() => run(() => settlementApi.postFee(id), t('msg.posted'))}>
                {t('a.post')}
              </Button>
            )}
          </Space>
        </>
      )}
    </Drawer>
  );
}

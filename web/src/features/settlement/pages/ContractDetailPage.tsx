/** A contract: terms, monthly volumes by version, the contract-year chart (contracted vs actual, τ flag), actions. */
import { App, Button, Descriptions, Input, Space, Table, Tag, Upload, DatePicker } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useState } from 'react';
import { formatNumber } from '../../../lib/format';
import { dec } from '@common/decimal';
import { PageContainer, Section } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { Chart } from '../../../components/lazyChart';
import { NS } from '../i18n';
import { settlementApi, useContract, useTagName, useYearView } from '../api';
import { ContractFormModal } from '../components/ContractFormModal';

export default function ContractDetailPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation(NS);
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const tagName = useTagName();
  const canWrite = useCan('contracts:write');
  const q = useContract(id);
  const y = useYearView(id);
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const u = c.basis === 'GJ' ? 'GJ' : 'm³';
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('msg.saved'));
      void qc.invalidateQueries({ queryKey: ['contracts'] });
    } catch (e: any) {
      message.error(e.message);
    }
  };
  const terminate = () => {
    let reason = '';
    let last = '';
    modal.confirm({
      title: t('a.terminate'),
      content: (
        <Space direction="vertical">
          <DatePicker picker="month" placeholder={t('f.lastMonth')} onChange={(d) => (last = d ? d.format('YYYY-MM') : '')} />
          <Input.TextArea placeholder={t('f.reason')} onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      onOk: () => run(() => settlementApi.terminateContract(id, { lastMonth: last, reason })),
    });
  };
  const months = y.data?.months ?? [];
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('f.contracted'), t('f.actual')] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: u },
    series: [
      { name: t('f.contracted'), type: 'bar', data: months.map((m) => m.contracted) },
      { name: t('f.actual'), type: 'bar', data: months.map((m) => ({ value: m.actual, itemStyle: m.overTake ? { color: '#fa8c16' } : undefined })) },
    ],
  };
  return (
    <PageContainer
      title={`${c.contractNo} · ${c.customerName}`}
      extra={
        canWrite && (
          <Space>
            {c.status === 'draft' && <Button onClick={() => setEditing(true)}>{t('a.edit')}</Button>}
            {c.status === 'draft' && (
              <Button type="primary" onClick={() => run(() => settlementApi.activateContract(id))}>
                {t('a.activate')}
              </Button>
            )}
            {c.status === 'active' && (
              <Button danger onClick={terminate}>
                {t('a.terminate')}
              </Button>
            )}
            <Upload showUploadList={false} accept=".pdf,.jpg,.png" customRequest={({ file }) => void run(() => settlementApi.uploadContractFile(id, file as File))}>
              <Button>{t('a.upload')}</Button>
            </Upload>
            {c.signedFileName && <Button onClick={() => settlementApi.downloadContractFile(id).catch((e) => message.error(e.message))}>{t('a.download')}</Button>}
          </Space>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('f.status')}>
          <Tag>{t(`cstatus.${c.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('f.year')}>{c.yearLabel}</Descriptions.Item>
        <Descriptions.Item label={t('f.period')}>
          {c.startMonth} ~ {c.endMonth}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.basis')}>{t(`basis.${c.basis}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.tag')}>{tagName(c.baseTag)}</Descriptions.Item>
        <Descriptions.Item label={t('f.price')}>{c.basePrice ? `${c.basePrice} ${t('msg.unitPrice', { u })}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="θ / τ / k">
          {c.theta} / {c.tau} / {c.k}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.total')}>
          {formatNumber(c.totalQuantity, 0)} {u}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.prepayment')}>{c.prepaymentTerms ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Section title={t('msg.chart')}>{y.isError ? <ErrorState error={y.error} /> : <Chart option={option} height={280} />}</Section>
      <Section title={t('f.months')}>
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          loading={y.isFetching}
          dataSource={months}
          columns={[
            { title: t('f.month'), dataIndex: 'month' },
            { title: t('f.contracted'), dataIndex: 'contracted', align: 'right', render: (v) => `${formatNumber(v, 0)} ${u}` },
            { title: t('f.actual'), dataIndex: 'actual', align: 'right', render: (v) => (v == null ? '—' : `${formatNumber(v, 0)} ${u}`) },
            { title: t('f.ratio'), dataIndex: 'ratio', align: 'right', render: (v) => (v == null ? '—' : `${formatNumber(dec(v).times(100), 1)} %`) },
            { title: t('f.overTake'), dataIndex: 'overTake', render: (v) => (v ? <Tag color="orange">{t('msg.overTake')}</Tag> : '') },
            { title: t('f.version'), render: (_, r) => c.months.find((m) => m.month === r.month)?.version ?? '' },
          ]}
        />
      </Section>
      {c.status === 'draft' && <ContractFormModal open={editing} draft={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </PageContainer>
  );
}

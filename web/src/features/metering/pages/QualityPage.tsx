/** 气质与发热量: GCV per supply source and day — from the lab report or computed from a composition (GB/T 11062). */
import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { dec } from '@common/decimal';
import { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { meteringApi, COMPONENTS, KEY, type Quality, type SupplySource } from '../api';
import { today } from '../../../lib/dates';

export default function QualityPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const canWrite = useCan('quality:write');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today().subtract(30, 'day'), today()]);
  const [sourceId, setSourceId] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [open, setOpen] = useState(false);
  const sources = useQuery({ queryKey: [...KEY, 'sources'], queryFn: () => meteringApi.supplySources() });
  const query = { supplySourceId: sourceId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), ...page };
  const list = useQuery({ queryKey: [...KEY, 'quality', query], queryFn: () => meteringApi.quality(query), placeholderData: keepPreviousData });

  return (
    <PageContainer
      title={t('menu.quality')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('a.addQuality')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          placeholder={t('f.source')}
          value={sourceId}
          onChange={setSourceId}
          options={(sources.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
        />
      </Flex>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<Quality>
          size="small"
          rowKey={(r) => `${r.supplySourceId}-${r.gasDay}`}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          expandable={{
            rowExpandable: (r) => !!r.composition,
            expandedRowRender: (r) => (
              <Typography.Text code>
                {Object.entries(r.composition ?? {})
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · ')}
              </Typography.Text>
            ),
          }}
          columns={[
            { title: t('f.day'), dataIndex: 'gasDay', width: 110 },
            { title: t('f.source'), render: (_, r) => `${r.sourceName} (${r.sourceCode})` },
            { title: t('f.method'), dataIndex: 'method', render: (m) => <Tag color={m === 'composition' ? 'blue' : undefined}>{t(`method.${m}`)}</Tag> },
            { title: `${t('f.gcv')} MJ/m³`, dataIndex: 'gcvMJm3', align: 'right', render: (v) => formatNumber(v, 4) },
            { title: `${t('f.ncv')} MJ/m³`, dataIndex: 'ncvMJm3', align: 'right', render: (v) => (v ? formatNumber(v, 4) : '—') },
            { title: t('f.rd'), dataIndex: 'relativeDensity', align: 'right', render: (v) => (v ? formatNumber(v, 6) : '—') },
            { title: `${t('f.wobbe')} MJ/m³`, dataIndex: 'wobbeMJm3', align: 'right', render: (v) => (v ? formatNumber(v, 4) : '—') },
          ]}
        />
      )}
      {open && <QualityModal sources={sources.data ?? []} onClose={() => setOpen(false)} />}
    </PageContainer>
  );
}

function QualityModal({ sources, onClose }: { sources: SupplySource[]; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [mode, setMode] = useState<'report' | 'composition'>('report');
  const [error, setError] = useState<string | null>(null);
  const comp = Form.useWatch('composition', form) as Record<string, string | undefined> | undefined;
  const sum = useMemo(() => {
    try {
      return Object.values(comp ?? {})
        .filter((v) => v != null && v !== '')
        .reduce((a, v) => a.plus(dec(String(v))), dec(0))
        .toString();
    } catch {
      return '?';
    }
  }, [comp]);
  const save = useMutation({
    mutationFn: (v: any) => {
      const row: any = { supplySourceId: v.supplySourceId, gasDay: v.gasDay.format('YYYY-MM-DD') };
      if (mode === 'report') row.gcvMJm3 = String(v.gcvMJm3);
      else
        row.composition = Object.fromEntries(
          Object.entries(v.composition ?? {})
            .filter(([, x]) => x != null && x !== '')
            .map(([k, x]) => [k, String(x)]),
        );
      return meteringApi.saveQuality({ rows: [row] });
    },
    onSuccess: async () => {
      message.success(t('msg.saved'));
      await qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError && e.details?.errors ? e.details.errors.map((x: any) => x.message).join('；') : e instanceof Error ? e.message : String(e)),
  });
  return (
    <Modal open width={640} title={t('a.addQuality')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Typography.Paragraph type="secondary">{t('msg.gcvOrComp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ gasDay: today().subtract(1, 'day') }} onFinish={(v) => save.mutate(v)}>
        <Flex gap={12}>
          <Form.Item name="supplySourceId" label={t('f.source')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select showSearch optionFilterProp="label" options={sources.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))} />
          </Form.Item>
          <Form.Item name="gasDay" label={t('f.day')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Flex>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio.Button value="report">{t('method.report')}</Radio.Button>
          <Radio.Button value="composition">{t('method.composition')}</Radio.Button>
        </Radio.Group>
        {mode === 'report' ? (
          <Form.Item name="gcvMJm3" label={`${t('f.gcv')} (MJ/m³)`} rules={[{ required: true }]}>
            <InputNumber min={20} max={60} step={0.01} stringMode style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <>
            <Flex wrap gap={8}>
              {COMPONENTS.map((c) => (
                <Form.Item key={c} name={['composition', c]} label={c} style={{ width: 130, marginBottom: 8 }} rules={[{ pattern: /^\d*(\.\d+)?$/, message: '0.xxxx' }]}>
                  <Input placeholder="0.0000" />
                </Form.Item>
              ))}
            </Flex>
            <Typography.Text type={sum === '1' ? 'success' : 'warning'}>{t('msg.compSum', { sum })}</Typography.Text>
          </>
        )}
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
    </Modal>
  );
}

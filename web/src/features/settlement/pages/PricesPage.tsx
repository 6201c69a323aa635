/** 价格管理: prices by tag × category × basis × period with effective dates and history, benchmark, reference prices. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PRICE_CATEGORIES, PRICE_CATEGORY_LABELS } from '@common/customers';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { settlementApi, useBenchmarks, usePrices, useReferencePrices, useL, useTags, useTagName, type PriceEntry, type PriceFilter } from '../api';
import { validFields } from '../../../lib/forms';

export default function PricesPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const L = useL();
  const tagName = useTagName();
  const tags = useTags();
  const canWrite = useCan('pricing:write');
  const [f, setF] = useState<PriceFilter>({ history: 'false' });
  const prices = usePrices(f);
  const bench = useBenchmarks();
  const refs = useReferencePrices();
  const [dialog, setDialog] = useState<null | 'price' | 'bench' | 'ref'>(null);
  const [form] = Form.useForm();
  const cat = (v: string) => (PRICE_CATEGORY_LABELS[v as keyof typeof PRICE_CATEGORY_LABELS] ? L(PRICE_CATEGORY_LABELS[v as keyof typeof PRICE_CATEGORY_LABELS]) : v);
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      if (dialog === 'price') {
        const r = await settlementApi.createPrice({
          tag: v.tag,
          category: v.category,
          basis: v.basis,
          season: v.season,
          price: String(v.price),
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          note: v.note ?? null,
        });
        message.success(t('msg.saved') + (r.notified ? ` (${r.notified})` : ''));
      } else if (dialog === 'bench') await settlementApi.createBenchmark({ effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), price: String(v.price), floatCapPct: String(v.cap) });
      else await settlementApi.setReferencePrice({ month: v.month.format('YYYY-MM'), basis: v.basis, price: String(v.price) });
      setDialog(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['pricing'] });
    } catch (e: any) {
      message.error(e.message);
    }
  };
  return (
    <PageContainer
      title={t('menu.prices')}
      extra={
        canWrite && (
          <Space>
            <Button type="primary" onClick={() => setDialog('price')}>
              {t('a.addPrice')}
            </Button>
            <Button onClick={() => setDialog('bench')}>{t('a.addBenchmark')}</Button>
            <Button onClick={() => setDialog('ref')}>{t('a.setReference')}</Button>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'prices',
            label: t('f.price'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    placeholder={t('f.tag')}
                    style={{ width: 160 }}
                    options={tags.data?.map((x) => ({ value: x.code, label: tagName(x.code) }))}
                    onChange={(v) => setF({ ...f, tag: v })}
                  />
                  <Select
                    allowClear
                    placeholder={t('f.category')}
                    style={{ width: 140 }}
                    options={PRICE_CATEGORIES.map((c) => ({ value: c, label: cat(c) }))}
                    onChange={(v) => setF({ ...f, category: v })}
                  />
                  <Space>
                    {t('a.history')}
                    <Switch onChange={(v) => setF({ ...f, history: v ? 'true' : 'false' })} />
                  </Space>
                </Space>
                {prices.isError ? (
                  <ErrorState error={prices.error} onRetry={() => void prices.refetch()} />
                ) : (
                  <Table<PriceEntry>
                    rowKey="id"
                    size="small"
                    loading={prices.isFetching}
                    dataSource={prices.data}
                    pagination={{ pageSize: 20, showTotal: (n) => tc('fields.total', { count: n }) }}
                    columns={[
                      { title: t('f.tag'), dataIndex: 'tag', render: (v) => tagName(v) },
                      { title: t('f.category'), dataIndex: 'category', render: cat },
                      { title: t('f.basis'), dataIndex: 'basis', render: (v) => t(`basis.${v}`) },
                      { title: t('f.season'), dataIndex: 'season', render: (v) => t(`season.${v}`) },
                      { title: t('f.price'), dataIndex: 'price', align: 'right', render: (v, r) => `${v} ${t('msg.unitPrice', { u: r.basis === 'GJ' ? 'GJ' : 'm³' })}` },
                      { title: t('f.effectiveFrom'), dataIndex: 'effectiveFrom' },
                      { title: t('f.current'), dataIndex: 'current', render: (v) => (v ? <Tag color="green">{t('f.current')}</Tag> : '') },
                      { title: t('f.note'), dataIndex: 'note', render: (v) => v ?? '' },
                    ]}
                  />
                )}
              </>
            ),
          },
          {
            key: 'bench',
            label: t('f.benchmark'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={bench.isFetching}
                dataSource={bench.data}
                pagination={false}
                columns={[
                  { title: t('f.effectiveFrom'), dataIndex: 'effectiveFrom' },
                  { title: t('f.benchmark'), dataIndex: 'price', align: 'right' },
                  { title: t('f.cap'), dataIndex: 'floatCapPct', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'ref',
            label: t('f.reference'),
            children: (
              <Table
                rowKey={(r) => r.month + r.basis}
                size="small"
                loading={refs.isFetching}
                dataSource={refs.data}
                pagination={{ pageSize: 24 }}
                columns={[
                  { title: t('f.month'), dataIndex: 'month' },
                  { title: t('f.basis'), dataIndex: 'basis', render: (v) => t(`basis.${v}`) },
                  { title: t('f.reference'), dataIndex: 'price', align: 'right' },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={dialog != null}
        title={dialog === 'price' ? t('a.addPrice') : dialog === 'bench' ? t('a.addBenchmark') : t('a.setReference')}
        onCancel={() => setDialog(null)}
        onOk={submit}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ basis: 'm3', season: 'all', tag: 'contract' }}>
          {dialog === 'price' && (
            <>
              <Form.Item name="tag" label={t('f.tag')} rules={[{ required: true, message: t('msg.required') }]}>
                <Select options={tags.data?.map((x) => ({ value: x.code, label: tagName(x.code) }))} />
              </Form.Item>
              <Form.Item name="category" label={t('f.category')} rules={[{ required: true, message: t('msg.required') }]}>
                <Select options={PRICE_CATEGORIES.map((c) => ({ value: c, label: cat(c) }))} />
              </Form.Item>
              <Form.Item name="season" label={t('f.season')}>
                <Select options={['all', 'heating', 'non_heating'].map((s) => ({ value: s, label: t(`season.${s}`) }))} />
              </Form.Item>
            </>
          )}
          {dialog !== 'bench' && (
            <Form.Item name="basis" label={t('f.basis')}>
              <Select options={(['m3', 'GJ'] as const).map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
            </Form.Item>
          )}
          {dialog === 'ref' ? (
            <Form.Item name="month" label={t('f.month')} rules={[{ required: true, message: t('msg.required') }]}>
              <DatePicker picker="month" />
            </Form.Item>
          ) : (
            <Form.Item name="effectiveFrom" label={t('f.effectiveFrom')} rules={[{ required: true, message: t('msg.required') }]}>
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item name="price" label={dialog === 'bench' ? t('f.benchmark') : t('f.price')} rules={[{ required: true, message: t('msg.required') }]}>
            <InputNumber min={0} step={0.0001} stringMode style={{ width: 200 }} />
          </Form.Item>
          {dialog === 'bench' && (
            <Form.Item name="cap" label={t('f.cap')} rules={[{ required: true, message: t('msg.required') }]}>
              <InputNumber min={0} stringMode />
            </Form.Item>
          )}
          {dialog === 'price' && (
            <Form.Item name="note" label={t('f.note')}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}

/** Event page: affected customers with households, managers, contacts and the checklist; coordination log; timeline; notices; reports. */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useRegions } from '../../../lib/regions';
import { NS } from '../i18n';
import { SUPPLY_STATUSES, supplyApi, useEvent, useSupplyMutation, type Affected, type SupplyStatus } from '../api';
import { EventStatusTag, SupplyStatusTag } from '../components/labels';
import { ignoreInvalid } from '../../../lib/forms';

/** The checklist form's values (demand change and notes as typed; empty means none). */
interface CheckForm {
  contacted: boolean;
  siteChecked: boolean;
  supplyStatus: SupplyStatus;
  demandChangeM3?: string | null;
  notes?: string;
}

function CheckDialog({ eventId, row, onClose }: { eventId: number; row: Affected | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckForm>();
  const m = useSupplyMutation((v: CheckForm) =>
    supplyApi.check(eventId, row!.customerId, { ...v, demandChangeM3: v.demandChangeM3 === '' || v.demandChangeM3 == null ? null : v.demandChangeM3, notes: v.notes || null }),
  );
  if (!row) return null;
  return (
    <Modal
      open
      title={`${t('a.check')}：${row.name}`}
      onCancel={onClose}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'check-save' } as any}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => m.mutate(v, { onSuccess: () => (void message.success(t('msg.saved')), onClose()), onError: (e) => void message.error(e.message) }))
          .catch(ignoreInvalid)
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contacted: row.contacted, siteChecked: row.siteChecked, supplyStatus: row.supplyStatus, demandChangeM3: row.demandChangeM3 ?? '', notes: row.notes ?? '' }}
      >
        <Space>
          <Form.Item name="contacted" valuePropName="checked">
            <Checkbox data-testid="check-contacted">{t('f.contacted')}</Checkbox>
          </Form.Item>
          <Form.Item name="siteChecked" valuePropName="checked">
            <Checkbox data-testid="check-site">{t('f.siteChecked')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="supplyStatus" label={t('f.supplyStatus')}>
          <Select options={SUPPLY_STATUSES.map((s) => ({ value: s, label: t(`sup.${s}`) }))} />
        </Form.Item>
        <Form.Item name="demandChangeM3" label={t('f.demandChange')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="notes" label={t('f.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EventPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const canWrite = useCan('supply:write');
  const q = useEvent(id);
  const [checking, setChecking] = useState<Affected | null>(null);
  const [logText, setLogText] = useState('');
  const log = useSupplyMutation((text: string) => supplyApi.coordinate(id, { text }));
  const notify = useSupplyMutation(() => supplyApi.notifyEvent(id));
  const close = useSupplyMutation(() => supplyApi.closeEvent(id));
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data!;
  const e = d.event;
  const open = e.status === 'open' && canWrite;
  const done = (msg: string) => ({ onSuccess: () => void message.success(msg), onError: (err: Error) => void message.error(err.message) });
  return (
    <PageContainer
      title={<span data-testid="event-title-h">{e.title}</span>}
      subTitle={
        <Space>
          <EventStatusTag status={e.status} />
          {t(`evKind.${e.kind}`)} · {formatDateTime(e.occurredAt)}
        </Space>
      }
      extra={
        <>
          <Button onClick={() => void supplyApi.downloadEventPdf(id)}>{t('a.pdf')}</Button>
          <Button onClick={() => void supplyApi.downloadEventXlsx(id)}>{t('a.xlsx')}</Button>
          {open && (
            <Button onClick={() => notify.mutate(undefined, done(t('msg.notified')))} loading={notify.isPending}>
              {t('a.notify')}
            </Button>
          )}
          {open && (
            <Button danger onClick={() => close.mutate(undefined, done(t('msg.saved')))}>
              {t('a.close')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('f.nodes')}>{e.nodes.map((n) => n.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('f.region')}>{e.region ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('f.description')} span={2}>
            {e.description || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text strong data-testid="event-totals">
          {t('f.totals', { customers: d.totals.customers, households: formatNumber(d.totals.households), contacted: d.totals.contacted, siteChecked: d.totals.siteChecked })}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('f.customers')} style={{ marginBottom: 12 }}>
        <Table<Affected>
          size="small"
          rowKey="customerId"
          data-testid="affected-table"
          dataSource={d.customers}
          scroll={{ x: 1700 }}
          pagination={{ pageSize: 20, showTotal: (n) => tc('fields.total', { count: n }) }}
          columns={[
            { title: t('f.code'), dataIndex: 'code', width: 100 },
            { title: t('f.customer'), dataIndex: 'name', width: 200 },
            { title: t('f.region'), key: 'r', width: 140, render: (_, r) => regions.short({ city: r.city, county: r.county }) },
            { title: t('f.via'), dataIndex: 'viaNodes', render: (v: string[]) => v.join('、') },
            { title: t('f.households'), dataIndex: 'households', align: 'right', width: 100, render: (v) => formatNumber(v) },
            { title: t('f.managers'), dataIndex: 'managers', width: 200, render: (v: Affected['managers']) => v.map((m) => `${m.name} ${m.phone ?? ''}`).join('；') || '—' },
            {
              title: t('f.contacts'),
              dataIndex: 'contacts',
              width: 220,
              render: (v: Affected['contacts']) =>
                v
                  .slice(0, 2)
                  .map((c) => `${c.name} ${c.mobile ?? c.landline ?? ''}`)
                  .join('；') || '—',
            },
            { title: t('f.contacted'), dataIndex: 'contacted', render: (v) => (v ? '✓' : '—') },
            { title: t('f.siteChecked'), dataIndex: 'siteChecked', render: (v) => (v ? '✓' : '—') },
            { title: t('f.supplyStatus'), dataIndex: 'supplyStatus', width: 110, render: (s) => <SupplyStatusTag status={s} /> },
            { title: t('f.demandChange'), dataIndex: 'demandChangeM3', align: 'right', render: (v) => formatNumber(v, 3) },
            { title: t('f.notes'), dataIndex: 'notes', ellipsis: true },
            ...(open
              ? [
                  {
                    title: tc('fields.actions'),
                    key: 'a',
                    fixed: 'right' as const,
                    render: (_: unknown, r: Affected) => (
                      <Button size="small" data-testid={`check-${r.customerId}`} onClick={() => setChecking(r)}>
                        {t('a.check')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('f.timeline')}>
        {open && (
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input placeholder={t('f.coordination')} value={logText} onChange={(ev) => setLogText(ev.target.value)} maxLength={2000} />
            <Button type="primary" disabled={!logText.trim()} onClick={() => log.mutate(logText, { onSuccess: () => setLogText(''), onError: (err) => void message.error(err.message) })}>
              {t('a.log')}
            </Button>
          </Space.Compact>
        )}
        <Timeline
          items={d.log.map((l) => ({
            color: l.kind === 'declared' ? 'red' : l.kind === 'coordination' ? 'blue' : l.kind === 'closed' ? 'gray' : 'green',
            children: (
              <>
                <Typography.Text type="secondary">
                  {formatDateTime(l.at)} {l.actorName ?? ''}
                </Typography.Text>
                <div>{l.text}</div>
              </>
            ),
          }))}
        />
      </Card>
      <CheckDialog eventId={id} row={checking} onClose={() => setChecking(null)} />
    </PageContainer>
  );
}

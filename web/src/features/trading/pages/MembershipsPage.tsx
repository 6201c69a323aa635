/** 交易会员: exchange membership progress per customer, the customers still needing help, dates and follow-ups. */
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { tradingApi, useFollowups, useMemberships, useTradingMutation, type FollowupInput, type Membership, type MembershipFilter, type MembershipInput } from '../api';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

const COLORS = { none: 'default', registered: 'blue', bound: 'cyan', trained: 'green' } as const;

export default function MembershipsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [f, setF] = useState<MembershipFilter & { page: number; pageSize: number }>({ page: 1, pageSize: 20, needsHelp: 'true' });
  const [edit, setEdit] = useState<Membership | null>(null);
  const q = useMemberships(f);
  const set = (patch: MembershipFilter) => setF({ ...f, ...patch, page: 1 });
  return (
    <PageContainer title={t('menu.memberships')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('f.name')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 200 }} />
        <Select
          allowClear
          placeholder={t('f.status')}
          style={{ width: 140 }}
          options={(['none', 'registered', 'bound', 'trained'] as const).map((v) => ({ value: v, label: t(`exchange.${v}`) }))}
          onChange={(v) => set({ status: v, needsHelp: undefined })}
        />
        <Space>
          <Switch checked={f.needsHelp === 'true'} onChange={(v) => set({ needsHelp: v ? 'true' : undefined })} />
          {t('a.needsHelp')}
        </Space>
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Membership>
          rowKey="customerId"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setF({ ...f, page: p, pageSize: s }),
          }}
          columns={[
            { title: t('f.code'), dataIndex: 'code', width: 110 },
            { title: t('f.name'), dataIndex: 'name' },
            { title: t('f.status'), dataIndex: 'exchangeStatus', render: (v: Membership['exchangeStatus']) => <Tag color={COLORS[v]}>{t(`exchange.${v}`)}</Tag> },
            { title: t('f.registeredOn'), dataIndex: 'registeredOn', render: (v) => v ?? '—' },
            { title: t('f.boundOn'), dataIndex: 'boundOn', render: (v) => v ?? '—' },
            { title: t('f.trainedOn'), dataIndex: 'trainedOn', render: (v) => v ?? '—' },
            { title: t('f.manager'), dataIndex: 'managerName', render: (v) => v ?? '—' },
            { title: t('f.lastFollowup'), dataIndex: 'lastFollowupOn', render: (v) => v ?? '—' },
            { title: t('f.followups'), dataIndex: 'followups', align: 'right' },
            {
              title: '',
              render: (_, r) => (
                <Button size="small" onClick={() => setEdit(r)}>
                  {t('a.setDates')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {edit && <MemberDrawer m={edit} onClose={() => setEdit(null)} />}
    </PageContainer>
  );
}

function MemberDrawer({ m, onClose }: { m: Membership; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('trading:write');
  const [form] = Form.useForm();
  const [fu] = Form.useForm();
  const d = (v: string | null) => (v ? dayjs(v) : null);
  const save = useTradingMutation((b: MembershipInput) => tradingApi.saveMembership(m.customerId, b));
  const add = useTradingMutation((b: FollowupInput) => tradingApi.addFollowup(m.customerId, b));
  const list = useFollowups(m.customerId);
  const iso = (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null);
  return (
    <Drawer open title={`${m.code} ${m.name}`} width={520} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ registeredOn: d(m.registeredOn), boundOn: d(m.boundOn), trainedOn: d(m.trainedOn) }} disabled={!canWrite}>
        <Space wrap>
          <Form.Item name="registeredOn" label={t('f.registeredOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="boundOn" label={t('f.boundOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="trainedOn" label={t('f.trainedOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Button
          type="primary"
          loading={save.isPending}
          onClick={async () => {
            const v = await validFields(form);
            if (!v) return;
            save.mutate(
              { registeredOn: iso(v.registeredOn), boundOn: iso(v.boundOn), trainedOn: iso(v.trainedOn) },
              { onSuccess: () => message.success(t('msg.saved')), onError: (e) => message.error(e.message) },
            );
          }}
        >
          {tc('actions.save')}
        </Button>
      </Form>
      <Timeline
        style={{ marginTop: 24 }}
        items={(list.data ?? []).map((x) => ({ children: `${x.onDate} ${x.note}${x.nextStep ? ` → ${x.nextStep}` : ''}${x.createdByName ? `（${x.createdByName}）` : ''}` }))}
      />
      {canWrite && (
        <Form form={fu} layout="vertical" initialValues={{ onDate: today() }}>
          <Form.Item name="onDate" label={t('f.onDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('f.note')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('f.nextStep')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
          <Button
            loading={add.isPending}
            onClick={async () => {
              const v = await validFields(fu);
              if (!v) return;
              add.mutate(
                { onDate: v.onDate.format('YYYY-MM-DD'), note: v.note, nextStep: v.nextStep || null },
                {
                  onSuccess: () => {
                    fu.resetFields(['note', 'nextStep']);
                    void list.refetch();
                  },
                  onError: (e) => message.error(e.message),
                },
              );
            }}
          >
            {t('a.followup')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}

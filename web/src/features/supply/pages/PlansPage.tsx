/** Winter curtailment plans: list, and a new plan for a day or period with the available supply. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import { formatDateTime, formatWanfang, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { supplyApi, usePlans, useSupplyMutation, type Avail, type PlanSummary } from '../api';
import { AvailabilityEditor, cleanAvail } from '../components/AvailabilityEditor';
import { Tag } from 'antd';
import { ignoreInvalid } from '../../../lib/forms';
import { today } from '../../../lib/dates';

function NewPlanDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name: string; days: [Dayjs, Dayjs] }>();
  const [avail, setAvail] = useState<Avail[]>([{ nodeRef: '', shortagePct: '' }]);
  const m = useSupplyMutation((v: { name: string; days: [Dayjs, Dayjs] }) =>
    supplyApi.createPlan({ name: v.name, fromDay: v.days[0].format('YYYY-MM-DD'), toDay: v.days[1].format('YYYY-MM-DD'), availability: cleanAvail(avail) }),
  );
  return (
    <Modal
      open={open}
      width={760}
      title={t('a.compute')}
      onCancel={onClose}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'plan-submit' } as any}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => m.mutate(v, { onSuccess: (r) => (onClose(), navigate(`/supply/plans/${r.id}`)), onError: (e) => void message.error(e.message) }))
          .catch(ignoreInvalid)
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ days: [today().add(1, 'day'), today().add(1, 'day')] }}>
        <Form.Item name="name" label={t('f.planName')} rules={[{ required: true, message: t('f.planName') }]}>
          <Input maxLength={200} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="days" label={t('f.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item label={t('f.availability')}>
          <AvailabilityEditor value={avail} onChange={setAvail} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PlansPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const canWrite = useCan('supply:write');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState(false);
  const q = usePlans(page.page, page.pageSize);
  return (
    <PageContainer
      title={t('menu.plans')}
      extra={
        canWrite && (
          <Button type="primary" data-testid="plan-new" onClick={() => setOpen(true)}>
            {t('a.compute')}
          </Button>
        )
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<PlanSummary>
          size="small"
          rowKey="id"
          data-testid="plans-table"
          loading={q.isFetching}
          dataSource={q.data?.items}
          locale={{ emptyText: t('msg.noPlans') }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: q.data?.total ?? 0,
            showTotal: (n) => tc('fields.total', { count: n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('f.planName'), dataIndex: 'name', render: (v, r) => <Link to={`/supply/plans/${r.id}`}>{v}</Link> },
            { title: t('f.period'), key: 'p', render: (_, r) => (r.fromDay === r.toDay ? r.fromDay : `${r.fromDay} ~ ${r.toDay}`) },
            { title: t('f.customerCount'), dataIndex: 'customers', align: 'right' },
            { title: paren(t('s.demand'), tc('units.wan')), dataIndex: 'demandM3', align: 'right', render: (v) => formatWanfang(v) },
            { title: paren(t('s.allowed'), tc('units.wan')), dataIndex: 'allowedM3', align: 'right', render: (v) => formatWanfang(v) },
            { title: t('f.status'), dataIndex: 'status', render: (s) => <Tag color={s === 'approved' ? 'green' : 'gold'}>{t(`planStatus.${s}`)}</Tag> },
            { title: t('f.computedAt'), dataIndex: 'computedAt', render: formatDateTime },
            { title: t('f.approvedBy'), dataIndex: 'approvedBy', render: (v) => v ?? '—' },
          ]}
        />
      )}
      <NewPlanDialog open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}

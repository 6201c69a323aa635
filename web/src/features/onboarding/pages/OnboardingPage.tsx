/** New customers: case list (filter, pagination), pipeline board by stage, yearly headline figures. */
import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CASE_STATUSES, SECTION_KINDS } from '@common/onboarding';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import type { ApiError } from '../../../lib/api';
import { formatDate, formatWanfang, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { onboardingApi, useBoard, useCaseAction, useCases, useProspects, useYearly, type CaseFilter, type CaseRow, type OpenCaseInput } from '../api';
import { validFields } from '../../../lib/forms';

const STATUS_COLOR: Record<string, string> = { draft: 'processing', submitted: 'gold', returned: 'red', approved: 'green', contracted: 'cyan', commissioned: 'success' };
export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation(NS);
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

function CasesTab() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [filter, setFilter] = useState<CaseFilter>({ page: 1, pageSize: 20 });
  const q = useCases(filter);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" onFinish={(v: { status?: CaseFilter['status']; q?: string }) => setFilter({ ...filter, status: v.status, q: v.q?.trim() || undefined, page: 1 })}>
          <Form.Item name="status" label={t('f.status')}>
            <Select allowClear style={{ width: 160 }} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('f.keyword')} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tc('actions.search')}
          </Button>
        </Form>
      </Card>
      <Table<CaseRow>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items}
        locale={{ emptyText: t('msg.noCases') }}
        scroll={{ x: 1000 }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => tc('fields.total', { count: n }),
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          { title: t('f.id'), dataIndex: 'id', width: 80, render: (id) => <Link to={`/onboarding/cases/${id}`}>#{id}</Link> },
          { title: t('f.customer'), dataIndex: 'customerName' },
          { title: t('f.project'), dataIndex: 'projectName' },
          { title: t('f.status'), dataIndex: 'status', render: (s) => <CaseStatusTag status={s} /> },
          {
            title: t('f.sections'),
            dataIndex: 'sectionsDone',
            render: (n) => <Progress size="small" style={{ width: 110 }} percent={Math.round((n / SECTION_KINDS.length) * 100)} format={() => `${n}/${SECTION_KINDS.length}`} />,
          },
          { title: t('f.expected'), dataIndex: 'expectedAnnualM3', align: 'right', render: (v) => formatWanfang(v) },
          { title: t('f.surveyDate'), dataIndex: 'surveyDate', render: formatDate },
          { title: t('f.openedAt'), dataIndex: 'openedAt', render: formatDate },
          { title: t('f.age'), dataIndex: 'ageDays', align: 'right' },
        ]}
      />
    </>
  );
}

function BoardTab() {
  const { t } = useTranslation(NS);
  const q = useBoard();
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Row gutter={12} data-testid="onboarding-board">
      {q.data!.stages.map((s) => (
        <Col key={s.stage} xs={24} md={12} xl={Math.floor(24 / 5) as 4}>
          <Card size="small" title={`${t(`stage.${s.stage}`)} · ${s.count}`} style={{ marginBottom: 12, minHeight: 240 }}>
            <Space size={16} style={{ marginBottom: 8 }}>
              <Statistic title={t('f.volume')} value={formatWanfang(s.expectedAnnualM3)} valueStyle={{ fontSize: 16 }} />
              <Statistic title={t('f.avgAge')} value={s.avgAgeDays ?? '—'} valueStyle={{ fontSize: 16 }} />
            </Space>
            {s.cases.slice(0, 8).map((c) => (
              <div key={c.id} style={{ fontSize: 12, lineHeight: '20px' }}>
                <Link to={`/onboarding/cases/${c.id}`}>{c.customerName}</Link>{' '}
                <span style={{ color: '#999' }}>
                  {formatWanfang(c.expectedAnnualM3)} · {c.ageDays}d
                </span>
              </div>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function YearlyTab() {
  const { t } = useTranslation(NS);
  const q = useYearly();
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table
      size="small"
      rowKey="year"
      loading={q.isLoading}
      dataSource={[...(q.data ?? [])].reverse()}
      pagination={false}
      columns={[
        { title: t('f.year'), dataIndex: 'year' },
        { title: t('f.commissioned'), dataIndex: 'projectsCommissioned', align: 'right' },
        { title: t('f.newCustomers'), dataIndex: 'newCustomers', align: 'right' },
        { title: t('f.contracts'), dataIndex: 'contractsSigned', align: 'right' },
        { title: t('f.newScale'), dataIndex: 'newContractedM3', align: 'right', render: (v) => formatWanfang(v) },
      ]}
    />
  );
}

function OpenCaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const nav = useNavigate();
  const [search, setSearch] = useState('');
  const prospects = useProspects(search);
  const [form] = Form.useForm();
  const m = useCaseAction((b: OpenCaseInput) => onboardingApi.open(b));
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      const r = await m.mutateAsync({
        customerId: v.customerId,
        projectName: v.projectName,
        expectedDailyM3: v.expectedDailyM3 != null ? String(v.expectedDailyM3) : null,
        expectedAnnualM3: v.expectedAnnualM3 != null ? String(v.expectedAnnualM3) : null,
      });
      message.success(t('msg.saved'));
      onClose();
      nav(`/onboarding/cases/${r.id}`);
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Modal open={open} title={t('a.open')} onCancel={onClose} onOk={() => void submit()} confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="customerId" label={t('f.customer')} rules={[{ required: true }]}>
          <Select showSearch filterOption={false} onSearch={setSearch} loading={prospects.isFetching} options={prospects.data?.items.map((c) => ({ value: c.id, label: paren(c.name, c.code) }))} />
        </Form.Item>
        <Form.Item name="projectName" label={t('f.project')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="expectedDailyM3" label={t('f.expectedDaily')}>
          <InputNumber min={0} style={{ width: '100%' }} stringMode />
        </Form.Item>
        <Form.Item name="expectedAnnualM3" label={t('f.expectedAnnual')}>
          <InputNumber min={0} style={{ width: '100%' }} stringMode />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function OnboardingPage() {
  const { t } = useTranslation(NS);
  const canWrite = useCan('onboarding:write');
  const [open, setOpen] = useState(false);
  return (
    <PageContainer
      title={t('menu.cases')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('a.open')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          { key: 'list', label: t('tabs.list'), children: <CasesTab /> },
          { key: 'board', label: t('tabs.board'), children: <BoardTab /> },
          { key: 'yearly', label: t('tabs.yearly'), children: <YearlyTab /> },
        ]}
      />
      <OpenCaseDialog open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}

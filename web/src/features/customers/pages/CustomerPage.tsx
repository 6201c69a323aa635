/** Customer 360°: header with status, managers and key figures; tabs from every web module (sorted, by permission). */
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Descriptions, Dropdown, Result, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { EditOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@common/customers';
import { dec } from '@common/decimal';
import { ApiError } from '../../../lib/api';
import { canWith, useCan, useMe } from '../../../app/auth';
import { webModules } from '../../../app/modules';
import { Loading, ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { useCustomer } from '../api';
import { StatusTag, TypeTag, useExchangeLabel, useLbl, useRegionText } from '../labels';
import { CustomerFormDrawer } from '../components/CustomerFormDrawer';
import { TransitionDialog } from '../components/TransitionDialog';
import { ManagerDrawer } from '../components/ManagerDrawer';

export default function CustomerPage() {
  const { t } = useTranslation(NS);
  const { t: tAll } = useTranslation();
  const l = useLbl();
  const regionText = useRegionText();
  const exchange = useExchangeLabel();
  const id = Number(useParams().id);
  const [sp, setSp] = useSearchParams();
  const me = useMe().data;
  const q = useCustomer(id);
  const canWrite = useCan('customers:write');
  const canAssign = useCan('customers:assign');
  const [editing, setEditing] = useState(false);
  const [transitionTo, setTransitionTo] = useState<CustomerStatus | null>(null);
  const [managersOpen, setManagersOpen] = useState(false);

  const headerParts = useMemo(
    () =>
      webModules
        .flatMap((m) => m.customerHeader ?? [])
        .filter((x) => canWith(me, x.permission))
        .sort((a, b) => a.order - b.order),
    [me],
  );
  const tabs = useMemo(
    () =>
      webModules
        .flatMap((m) => m.customerTabs ?? [])
        .filter((x) => canWith(me, x.permission))
        .sort((a, b) => a.order - b.order),
    [me],
  );

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" />;
  if (q.isLoading) return <Loading />;
  if (q.isError) {
    const e = q.error;
    if (e instanceof ApiError && (e.status === 403 || e.status === 404))
      return <Result status={e.status === 403 ? '403' : '404'} title={e.status} subTitle={e.message} extra={<Link to="/customers">{t('menu.customers')}</Link>} />;
    return <ErrorState error={e} onRetry={() => void q.refetch()} />;
  }
  const c = q.data!;
  const closed = c.status === 'closed';
  const ft = c.managers.find((m) => m.kind === 'full_time');
  const pts = c.managers.filter((m) => m.kind === 'part_time');
  const activeTab = sp.get('tab') && tabs.some((x) => x.key === sp.get('tab')) ? sp.get('tab')! : tabs[0]?.key;

  return (
    <div style={{ padding: 16 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/customers">{t('menu.customers')}</Link> }, { title: c.name }]} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[16, 8]} align="top">
          <Col flex="1 1 320px">
            <Space align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
                {c.name}
              </Typography.Title>
              <StatusTag status={c.status} />
              <TypeTag type={c.type} />
              <Typography.Text type="secondary">
                {c.code} · {regionText(c)} · {c.uscc ?? '—'}
              </Typography.Text>
            </Space>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('f.fullTime')}>
                <span data-testid="customer-fulltime">{ft ? `${ft.displayName}${ft.phone ? ` ${ft.phone}` : ''}` : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('f.partTime')}>{pts.map((m) => `${m.displayName}${m.phone ? ` ${m.phone}` : ''}`).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('f.tags')}>{c.tags.join('、') || '—'}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col>
            <Space wrap>
              {canWrite && !closed && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                  {t('a.edit')}
                </Button>
              )}
              {canWrite && c.allowedTransitions.length > 0 && (
                <Dropdown
                  menu={{
                    items: c.allowedTransitions.map((s) => ({ key: s, label: l(CUSTOMER_STATUS_LABELS[s]), danger: s === 'closed' })),
                    onClick: ({ key }) => setTransitionTo(key as CustomerStatus),
                  }}
                >
                  <Button icon={<SwapOutlined />} data-testid="customer-transition">
                    {t('a.transition')}
                  </Button>
                </Dropdown>
              )}
              <Button icon={<TeamOutlined />} onClick={() => setManagersOpen(true)} data-testid="customer-managers">
                {t('a.managers')}
              </Button>
            </Space>
          </Col>
        </Row>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={12} md={5}>
            <Statistic title={t('figures.deliveryPoints')} value={c.counts.deliveryPoints} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('figures.documents')} value={c.counts.documents} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('figures.expiring')} value={c.counts.expiringDocuments} valueStyle={c.counts.expiringDocuments ? { color: '#d46b08' } : undefined} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('figures.residential')} value={c.residentialShare == null ? '—' : `${dec(c.residentialShare).times(100).toFixed(2)}%`} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('figures.exchange')} value={exchange(c.exchangeStatus)} valueStyle={{ fontSize: 18 }} />
          </Col>
        </Row>
        {headerParts.length > 0 && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
            {headerParts.map((p) => (
              <div key={p.key}>{p.render(id)}</div>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small">
        <Tabs activeKey={activeTab} onChange={(k) => setSp({ tab: k }, { replace: true })} destroyOnHidden items={tabs.map((x) => ({ key: x.key, label: tAll(x.label), children: x.render(id) }))} />
      </Card>
      <CustomerFormDrawer open={editing} customer={c} onClose={() => setEditing(false)} />
      <TransitionDialog customer={c} to={transitionTo ?? undefined} open={!!transitionTo} onClose={() => setTransitionTo(null)} />
      <ManagerDrawer customer={c} open={managersOpen} onClose={() => setManagersOpen(false)} canAssign={canAssign && !closed} />
    </div>
  );
}

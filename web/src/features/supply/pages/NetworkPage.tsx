/** Supply network: ECharts graph (zoom, search, click a node to see what hangs below) and an indented tree; capacities with history. */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Form, Input, Row, Select, Space, Table, Tabs, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatDateTime, formatNumber, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { supplyApi, useDownstream, useNetwork, useNodeHistory, useSupplyMutation, type NetNode, type NodeHistoryItem } from '../api';
import { NetworkGraph, layout } from '../components/NetworkGraph';
import { ClassTag } from '../components/labels';

function NodeDrawer({ node, nodes, onClose }: { node: NetNode | null; nodes: Map<string, NetNode>; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useCan('supply:write');
  const ref = node && !node.customer ? node.id : null;
  const below = useDownstream(ref);
  const history = useNodeHistory(ref);
  const [form] = Form.useForm();
  const save = useSupplyMutation((v: { capacityM3?: string; linkCapacityM3?: string; reason: string }) =>
    supplyApi.updateNode(ref!, {
      capacityM3: v.capacityM3 === '' || v.capacityM3 === undefined ? null : v.capacityM3,
      linkCapacityM3: v.linkCapacityM3 === '' || v.linkCapacityM3 === undefined ? null : v.linkCapacityM3,
      reason: v.reason,
    }),
  );
  if (!node) return null;
  const customers = (below.data?.customers ?? []).map((id) => nodes.get(`C${id}`)).filter(Boolean) as NetNode[];
  return (
    <Drawer
      open
      width={640}
      title={node.name}
      onClose={onClose}
      destroyOnHidden
      extra={
        ref &&
        canWrite && (
          <Button danger data-testid="declare-here" onClick={() => navigate(`/supply/emergencies?node=${ref}`)}>
            {t('a.declareOn')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('f.kind')}>{t(`kind.${node.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.code')}>{node.code}</Descriptions.Item>
        <Descriptions.Item label={t('f.capacity')}>{formatNumber(node.capacityM3)}</Descriptions.Item>
        <Descriptions.Item label={t('f.linkCapacity')}>{formatNumber(node.linkCapacityM3)}</Descriptions.Item>
        <Descriptions.Item label={t('f.upstream')}>{node.parents.map((p) => nodes.get(p)?.name ?? p).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('f.region')}>{node.region ?? '—'}</Descriptions.Item>
        {node.customer && (
          <>
            <Descriptions.Item label={t('f.cls')}>
              <ClassTag cls={node.customer.priorityClass} />
            </Descriptions.Item>
            <Descriptions.Item label={t('f.households')}>{formatNumber(node.customer.households)}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {ref && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('f.below')}（{customers.length}）
          </Typography.Title>
          <Table<NetNode>
            size="small"
            rowKey="id"
            data-testid="downstream-table"
            loading={below.isFetching}
            dataSource={customers}
            pagination={{ pageSize: 10, showTotal: (n) => tc('fields.total', { count: n }) }}
            columns={[
              { title: t('f.code'), dataIndex: 'code' },
              { title: t('f.customer'), dataIndex: 'name' },
              { title: t('f.cls'), key: 'c', render: (_, r) => <ClassTag cls={r.customer!.priorityClass} /> },
              { title: t('f.households'), key: 'h', align: 'right', render: (_, r) => formatNumber(r.customer!.households) },
            ]}
          />
          {canWrite && (
            <Card size="small" title={t('a.edit')} style={{ marginTop: 12 }}>
              <Form
                form={form}
                layout="vertical"
                initialValues={{ capacityM3: node.capacityM3 ?? '', linkCapacityM3: node.linkCapacityM3 ?? '' }}
                onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('msg.saved')), onError: (e) => void message.error(e.message) })}
              >
                <Row gutter={8}>
                  <Col span={12}>
                    <Form.Item name="capacityM3" label={t('f.capacity')}>
                      <Input inputMode="decimal" data-testid="capacity-input" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="linkCapacityM3" label={t('f.linkCapacity')}>
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="reason" label={t('f.reason')} rules={[{ required: true, message: t('f.reason') }]}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('a.save')}
                </Button>
              </Form>
            </Card>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('f.history')}
          </Typography.Title>
          <Table<NodeHistoryItem>
            size="small"
            rowKey="id"
            loading={history.isFetching}
            dataSource={history.data?.items}
            pagination={false}
            columns={[
              { title: t('f.at'), dataIndex: 'at', render: formatDateTime },
              { title: t('f.by'), dataIndex: 'actorName' },
              { title: t('f.reason'), dataIndex: 'reason' },
              { title: t('f.after'), dataIndex: 'after', render: (a: NodeHistoryItem['after']) => (a?.capacityM3 ? `${formatNumber(a.capacityM3)} m³` : '—') },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export default function NetworkPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const q = useNetwork();
  const [selected, setSelected] = useState<string | null>(null);
  const nodes = useMemo(() => new Map((q.data?.nodes ?? []).map((n) => [n.id, n])), [q.data]);
  const below = useDownstream(selected && !selected.startsWith('C') ? selected : null);
  const highlight = useMemo(() => new Set(below.data?.nodes ?? []), [below.data]);
  const tree = useMemo(() => {
    if (!q.data) return [];
    const { children } = layout(q.data.nodes);
    const label = (n: NetNode) => (
      <Space size={4}>
        <span>{n.name}</span>
        <Typography.Text type="secondary">{n.customer ? '' : t(`kind.${n.kind}`)}</Typography.Text>
        {n.capacityM3 && <Typography.Text type="secondary">{formatNumber(n.capacityM3)} m³</Typography.Text>}
        {n.customer && <ClassTag cls={n.customer.priorityClass} />}
      </Space>
    );
    const build = (id: string, path: string): any => ({ key: `${path}/${id}`, title: label(nodes.get(id)!), children: (children.get(id) ?? []).map((k) => build(k, `${path}/${id}`)) });
    return q.data.nodes.filter((n) => !n.parents.some((p) => nodes.has(p)) && n.kind === 'gas_field').map((n) => build(n.id, ''));
  }, [q.data, nodes, t]);
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data!;
  return (
    <PageContainer title={t('menu.network')} subTitle={t('msg.clickNode')} extra={<Button onClick={() => void supplyApi.exportNetwork()}>{tc('actions.export')}</Button>}>
      {(data.problems.unreachable.length > 0 || data.problems.cycle) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('f.problems')}
          description={
            <>
              {data.problems.cycle && (
                <div>
                  {t('f.cycle')}：{data.problems.cycle.map((r) => nodes.get(r)?.name ?? r).join(' → ')}
                </div>
              )}
              {data.problems.unreachable.length > 0 && (
                <div>
                  {t('f.unreachable')}：
                  {data.problems.unreachable
                    .slice(0, 20)
                    .map((r) => nodes.get(r)?.name ?? r)
                    .join('、')}
                  {data.problems.unreachable.length > 20 ? ' …' : ''}
                </div>
              )}
            </>
          }
        />
      )}
      <Card size="small">
        <Select
          showSearch
          allowClear
          data-testid="network-search"
          style={{ width: 360, marginBottom: 8 }}
          placeholder={t('f.search')}
          optionFilterProp="label"
          value={selected ?? undefined}
          onChange={(v) => setSelected(v ?? null)}
          options={data.nodes.map((n) => ({ value: n.id, label: paren(n.name, n.code) }))}
        />
        <Tabs
          items={[
            { key: 'graph', label: t('f.graph'), children: <NetworkGraph nodes={data.nodes} selected={selected} highlight={highlight} onSelect={setSelected} /> },
            {
              key: 'tree',
              label: t('f.tree'),
              children: <Tree showLine defaultExpandAll={false} treeData={tree} height={640} onSelect={(keys) => keys[0] && setSelected(String(keys[0]).split('/').pop()!)} />,
            },
          ]}
        />
      </Card>
      <NodeDrawer node={selected ? (nodes.get(selected) ?? null) : null} nodes={nodes} onClose={() => setSelected(null)} />
    </PageContainer>
  );
}

import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { CLASSES, type PlanLine } from '../api';
import { ClassTag } from './labels';

export function PlanLinesTable({ lines, onAdjust, compare, testId }: { lines: PlanLine[]; onAdjust?: (l: PlanLine) => void; compare?: Map<string, string>; testId?: string }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  return (
    <Table<PlanLine>
      size="small"
      rowKey={(r) => `${r.customerId}|${r.gasDay}`}
      data-testid={testId}
      dataSource={lines}
      scroll={{ x: 1750 }}
      pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => tc('fields.total', { count: n }) }}
      columns={[
        { title: t('f.period'), dataIndex: 'gasDay', width: 100 },
        { title: t('f.code'), dataIndex: 'code', width: 90 },
        { title: t('f.customer'), dataIndex: 'name', width: 220 },
        { title: t('f.cls'), dataIndex: 'class', width: 120, render: (c) => <ClassTag cls={c} />, filters: CLASSES.map((c) => ({ text: t(`cls.${c}`), value: c })), onFilter: (v, r) => r.class === v },
        { title: t('f.demand'), dataIndex: 'demandM3', align: 'right', width: 130, render: (v) => formatNumber(v, 3) },
        { title: t('f.residential'), dataIndex: 'residentialDemandM3', align: 'right', width: 130, render: (v) => (Number(v) > 0 ? formatNumber(v, 3) : '—') },
        { title: t('f.demandSource'), dataIndex: 'demandSource', width: 110, render: (v) => t(`src.${v}`) },
        {
          title: t('f.allowed'),
          dataIndex: 'allowedM3',
          align: 'right',
          width: 150,
          render: (v, r) => (
            <span>
              {formatNumber(v, 3)}
              {compare && compare.get(`${r.customerId}|${r.gasDay}`) !== undefined && compare.get(`${r.customerId}|${r.gasDay}`) !== v && (
                <Tag color="purple" style={{ marginLeft: 4 }}>
                  {formatNumber(compare.get(`${r.customerId}|${r.gasDay}`)!, 3)}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('f.cut'), dataIndex: 'cutM3', align: 'right', width: 130, render: (v) => formatNumber(v, 3), sorter: (a, b) => Number(a.cutM3) - Number(b.cutM3) },
        {
          title: t('f.cutPct'),
          dataIndex: 'cutPct',
          align: 'right',
          width: 90,
          render: (v) => (v === null ? '—' : <Typography.Text type={Number(v) > 0 ? 'danger' : undefined}>{v}%</Typography.Text>),
        },
        {
          title: t('f.planReason'),
          key: 'r',
          width: 260,
          render: (_, r) => <span>{r.bindingNode ? paren(t(`reason.${r.reason}`), r.bindingNode.name) : t(`reason.${r.reason}`)}</span>,
        },
        { title: t('f.adjustReason'), dataIndex: 'adjustReason', render: (v) => v ?? '' },
        {
          title: t('f.actual'),
          dataIndex: 'actualM3',
          align: 'right',
          render: (v, r) =>
            v === null ? (
              '—'
            ) : (
              <Typography.Text type={r.overTaken ? 'danger' : undefined}>
                {formatNumber(v, 3)}
                {r.overTaken ? ` ${t('f.overTaken')}` : ''}
              </Typography.Text>
            ),
        },
        ...(onAdjust
          ? [
              {
                title: tc('fields.actions'),
                key: 'a',
                fixed: 'right' as const,
                render: (_: unknown, r: PlanLine) => (
                  <Button size="small" data-testid={`adjust-${r.customerId}`} onClick={() => onAdjust(r)}>
                    {t('a.adjust')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

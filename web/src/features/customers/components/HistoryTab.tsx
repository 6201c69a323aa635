/** Lifecycle timeline (status changes with reason, actor, time) and the full change history (before → after). */
import { useState } from 'react';
import { Card, Col, Empty, Row, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CustomerStatus,
  CUSTOMER_STATUS_LABELS,
  CUSTOMER_TYPE_LABELS,
  PRICE_CATEGORY_LABELS,
  EXCHANGE_STATUS_LABELS,
  DELIVERY_POINT_KIND_LABELS,
  PRESSURE_LEVEL_LABELS,
  DOCUMENT_KIND_LABELS,
  MANAGER_KIND_LABELS,
} from '@common/customers';
import { dec } from '@common/decimal';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { useHistory, useTimeline, type HistoryItem } from '../api';
import { STATUS_COLOR, StatusTag } from '../labels';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('、') || '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Code values of these fields are shown with their labels. */
const LABELS: Record<string, Record<string, { zh: string; en: string }>> = {
  status: CUSTOMER_STATUS_LABELS,
  type: CUSTOMER_TYPE_LABELS,
  priceCategory: PRICE_CATEGORY_LABELS,
  exchangeStatus: EXCHANGE_STATUS_LABELS,
  pressureLevel: PRESSURE_LEVEL_LABELS,
};
const KIND_LABELS: Record<string, Record<string, { zh: string; en: string }>> = { delivery_point: DELIVERY_POINT_KIND_LABELS, document: DOCUMENT_KIND_LABELS, manager: MANAGER_KIND_LABELS };

function ChangeCell({ item }: { item: HistoryItem }) {
  const { t, i18n } = useTranslation(NS);
  const fmt = (k: string, v: unknown) => {
    const dict = k === 'kind' ? KIND_LABELS[item.entity] : LABELS[k];
    if (dict && typeof v === 'string' && dict[v]) return i18n.language === 'en' ? dict[v].en : dict[v].zh;
    if (k === 'residentialShare' && typeof v === 'string') return `${dec(v).times(100).toFixed(2)}%`;
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    return show(v);
  };
  const b = (item.before ?? {}) as Record<string, unknown>;
  const a = (item.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <>—</>;
  return (
    <div style={{ fontSize: 12 }}>
      {keys.map((k) => (
        <div key={k}>
          <Typography.Text type="secondary">{t(`f.${k}`, { defaultValue: k })}</Typography.Text>: {k in b && <Typography.Text delete>{fmt(k, b[k])}</Typography.Text>} {k in b && k in a && '→'}{' '}
          {k in a && <Typography.Text strong>{fmt(k, a[k])}</Typography.Text>}
        </div>
      ))}
    </div>
  );
}

export function HistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [page, setPage] = useState(1);
  const timeline = useTimeline(customerId);
  const history = useHistory(customerId, page);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('history.timeline')}>
          {timeline.isError ? (
            <ErrorState error={timeline.error} />
          ) : timeline.data?.length === 0 ? (
            <Empty description={t('history.empty')} />
          ) : (
            <Timeline
              data-testid="timeline"
              items={(timeline.data ?? []).map((x) => {
                // The timeline declares statuses as plain strings; they are customer statuses.
                const to = x.toStatus as CustomerStatus;
                return {
                  color: STATUS_COLOR[to] === 'default' ? 'gray' : STATUS_COLOR[to],
                  children: (
                    <>
                      <StatusTag status={to} /> <Typography.Text type="secondary">{formatDateTime(x.at)}</Typography.Text>
                      <div>{x.reason}</div>
                      <Typography.Text type="secondary">{x.actorName ?? '—'}</Typography.Text>
                    </>
                  ),
                };
              })}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={t('history.changes')}>
          {history.isError ? (
            <ErrorState error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <Table<HistoryItem>
              rowKey="id"
              size="small"
              loading={history.isFetching}
              dataSource={history.data?.items}
              pagination={{ current: page, pageSize: 20, total: history.data?.total ?? 0, onChange: setPage, showTotal: (n) => tc('fields.total', { count: n }) }}
              columns={[
                { title: t('f.at'), dataIndex: 'at', width: 140, render: (v) => formatDateTime(v) },
                { title: t('f.actor'), dataIndex: 'actorName', width: 110, render: (v) => v ?? '—' },
                { title: t('f.action'), dataIndex: 'action', width: 140, render: (v) => t(`actions.${v}`, { defaultValue: v }) },
                { title: t('f.change'), key: 'c', render: (_, r) => <ChangeCell item={r} /> },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

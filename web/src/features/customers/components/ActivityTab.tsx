/**
 * The customer's one activity timeline (issue 9 item 7): lifecycle changes, payments and the
 * month's charges, visits, issues, notices, reduce/stop steps and metering corrections merged by
 * the server from every module, newest first; filter by kind and period.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Checkbox, DatePicker, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../../lib/format';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { useActivity, type ActivityKind } from '../api';
import { today } from '../../../lib/dates';

const KINDS: ActivityKind[] = ['lifecycle', 'payment', 'charges', 'visit', 'issue', 'notice', 'procedure', 'correction'];
const COLORS: Record<ActivityKind, string> = {
  lifecycle: 'blue',
  payment: 'green',
  charges: 'gray',
  visit: 'cyan',
  issue: 'gold',
  notice: 'purple',
  procedure: 'red',
  correction: 'orange',
};

export function ActivityTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const [kinds, setKinds] = useState<ActivityKind[]>(KINDS);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const q = useActivity(customerId, {
    kinds: kinds.length === KINDS.length ? undefined : kinds.join(','),
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
  });
  return (
    <div data-testid="activity-tab">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Checkbox.Group value={kinds} onChange={(v) => setKinds(v.length ? (v as ActivityKind[]) : kinds)} options={KINDS.map((k) => ({ value: k, label: t(`activity.kinds.${k}`) }))} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} disabledDate={(d) => d.isAfter(today())} allowClear />
        {q.data && <Typography.Text type="secondary">{t('activity.period', { from: q.data.from, to: q.data.to, n: q.data.items.length })}</Typography.Text>}
      </Flex>
      {q.isLoading ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data?.items.length ? (
        <Empty description={t('activity.empty')} />
      ) : (
        <Timeline
          items={q.data.items.map((e, i) => ({
            key: `${e.kind}-${e.at}-${i}`,
            color: COLORS[e.kind],
            children: (
              <div data-testid={`activity-${e.kind}`}>
                <Space size={8} wrap>
                  <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                  <Tag color={COLORS[e.kind]}>{t(`activity.kinds.${e.kind}`)}</Tag>
                  {e.path ? <Link to={e.path}>{e.title}</Link> : <Typography.Text>{e.title}</Typography.Text>}
                  {e.amountFen != null && e.kind === 'payment' && <Typography.Text type={e.amountFen < 0 ? 'danger' : 'success'}>{formatFen(e.amountFen)}</Typography.Text>}
                  {e.actor && <Typography.Text type="secondary">· {e.actor}</Typography.Text>}
                </Space>
                {e.detail && (
                  <div>
                    <Typography.Text type="secondary">{e.detail}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}

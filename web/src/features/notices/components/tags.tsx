import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import type { NoticeKind, ReceiptStatus } from '../api';

const KIND_COLOR: Partial<Record<NoticeKind, string>> = {
  price_change: 'gold',
  settlement: 'blue',
  deviation: 'purple',
  curtailment: 'volcano',
  emergency: 'red',
  payment_notice: 'magenta',
  manager_letter: 'cyan',
};

export function KindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useTranslation(NS);
  return <Tag color={KIND_COLOR[kind]}>{t(`kind.${kind}`)}</Tag>;
}

export function ReceiptTag({ status, overdue }: { status: ReceiptStatus; overdue?: boolean }) {
  const { t } = useTranslation(NS);
  if (status === 'pending' && overdue) return <Tag color="red">{t('receipt.overdue')}</Tag>;
  return <Tag color={status === 'returned' ? 'green' : status === 'pending' ? 'orange' : 'default'}>{t(`receipt.${status}`)}</Tag>;
}

/** Completion rate (a decimal string in percent from the server) with returned / required counts. */
export function Completion({ rate, returned, required }: { rate: string | null; returned: number; required: number }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const pct = Math.round(Number(rate)); // display only (the bar); the figure shown is the server's exact text
  return (
    <Space size={6}>
      <Progress percent={pct} size="small" showInfo={false} style={{ width: 70, margin: 0 }} status={pct >= 100 ? 'success' : 'active'} />
      <span>
        {rate}%{' '}
        <Typography.Text type="secondary">
          ({returned.toLocaleString()}/{required.toLocaleString()})
        </Typography.Text>
      </span>
    </Space>
  );
}

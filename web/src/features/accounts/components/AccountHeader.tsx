/** The customer page header's pay-before-gas figures: level, balance and days of gas left (issue 9 item 7). */
import { Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import { NS } from '../i18n';
import { useSummary } from '../api';
import { LevelTag } from './common';

export function AccountHeader({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const q = useSummary(customerId);
  if (!q.data) return null;
  const s = q.data;
  return (
    <Space size={24} wrap data-testid="account-header">
      <Statistic title={t('header.balance')} value={formatFen(s.balanceFen)} suffix={t('header.yuan')} valueStyle={{ fontSize: 18, color: s.balanceFen < 0 ? '#cf1322' : undefined }} />
      <Statistic
        title={t('header.level')}
        valueRender={() => (s.monitored ? <LevelTag level={s.level} since={s.sinceDay} /> : <Typography.Text type="secondary">{t('header.notMonitored')}</Typography.Text>)}
      />
      <Statistic
        title={t('header.daysLeft')}
        value={s.monitored && s.availableDays != null ? s.availableDays : '—'}
        suffix={s.monitored && s.availableDays != null ? t('header.days') : undefined}
        valueStyle={{ fontSize: 18 }}
      />
    </Space>
  );
}

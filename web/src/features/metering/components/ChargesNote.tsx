/**
 * Told when deliveries were entered or corrected for days the daily run had already charged
 * (issue 9 item 9): the charge follows (accounts re-prices those days automatically), or, in a
 * closed accounting month, the difference goes to the month's settlement adjustments.
 */
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

export interface ChargedDays {
  follow: string[];
  closed: string[];
}

/** A short list of days: all of them up to three, else the first and last with the count. */
export function daysText(days: string[], t: (k: string, o?: Record<string, unknown>) => string): string {
  if (days.length <= 3) return days.join(t('msg.daySep'));
  return t('msg.dayRange', { from: days[0], to: days[days.length - 1], count: days.length });
}

/** The sentences to tell, in the user's language (empty when no changed day was charged). */
export function chargesMessages(c: ChargedDays | undefined, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const out: string[] = [];
  if (c?.follow.length) out.push(t('msg.chargeFollows', { days: daysText(c.follow, t) }));
  if (c?.closed.length) out.push(t('msg.chargeClosed', { days: daysText(c.closed, t) }));
  return out;
}

export function ChargesNote({ charges }: { charges: ChargedDays | undefined }) {
  const { t } = useTranslation(NS);
  const lines = chargesMessages(charges, t);
  if (!lines.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="charges-note">
      {lines.map((l) => (
        <Alert key={l} type="info" showIcon message={l} />
      ))}
    </Space>
  );
}

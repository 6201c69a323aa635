/** A GCV figure (MJ/m³); one carried forward from an earlier day's quality data is marked with that day. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { NS } from '../i18n';

export function GcvCell({ value, carriedFrom }: { value: string | null; carriedFrom?: string | null }) {
  const { t } = useTranslation(NS);
  if (!value) return <>—</>;
  return (
    <span>
      {formatNumber(value, 2)}
      {carriedFrom && (
        <Tooltip title={t('msg.gcvCarried', { day: carriedFrom })}>
          <Tag color="gold" style={{ marginLeft: 4, marginInlineEnd: 0 }} data-testid="gcv-carried">
            {t('f.gcvCarried', { day: carriedFrom.slice(5) })}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

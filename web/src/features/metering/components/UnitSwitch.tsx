import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import type { Unit } from '../api';

/** m³ / 万方 / GJ switch, shown on every metering page and used by its export. */
export function UnitSwitch({ value, onChange }: { value: Unit; onChange: (u: Unit) => void }) {
  const { t } = useTranslation(NS);
  return (
    <Segmented<Unit>
      aria-label={t('unit.label')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'm3', label: t('unit.m3') },
        { value: 'wan', label: t('unit.wan') },
        { value: 'gj', label: t('unit.gj') },
      ]}
    />
  );
}

/** Chart values: the decimal string as a number for plotting only (no arithmetic on it). */
export function plot(v: string | null): number | null {
  return v == null ? null : Number(v);
}

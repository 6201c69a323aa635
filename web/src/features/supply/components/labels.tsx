import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

export const CLASS_COLORS: Record<string, string> = { residential: '#eb2f96', public: '#fa8c16', key: '#1677ff', other: '#8c8c8c', interruptible: '#13c2c2' };
export const KIND_COLORS: Record<string, string> = {
  gas_field: '#722ed1',
  well_station: '#9254de',
  purification_plant: '#b37feb',
  pipeline: '#2f54eb',
  valve_room: '#597ef7',
  delivery_point: '#52c41a',
};

export function ClassTag({ cls }: { cls: string }) {
  const { t } = useTranslation(NS);
  return <Tag color={CLASS_COLORS[cls]}>{t(`cls.${cls}`)}</Tag>;
}
export function EventStatusTag({ status }: { status: string }) {
  const { t } = useTranslation(NS);
  return <Tag color={status === 'open' ? 'red' : 'default'}>{t(`evStatus.${status}`)}</Tag>;
}
export function SupplyStatusTag({ status }: { status: string }) {
  const { t } = useTranslation(NS);
  const color = { unknown: 'default', normal: 'green', reduced: 'orange', interrupted: 'red', restored: 'blue' }[status];
  return <Tag color={color}>{t(`sup.${status}`)}</Tag>;
}

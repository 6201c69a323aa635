/** Labels and tags of customer vocabularies in the current language. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../lib/regions';
import { CUSTOMER_STATUS_LABELS, CUSTOMER_TYPE_LABELS, PRICE_CATEGORY_LABELS, EXCHANGE_STATUS_LABELS, type CustomerStatus, type CustomerType } from '@common/customers';

type Lbl = { zh: string; en: string };
export function useLbl() {
  const { i18n } = useTranslation();
  return (m: Lbl | undefined, fallback = '—') => (m ? (i18n.language === 'en' ? m.en : m.zh) : fallback);
}

export const STATUS_COLOR: Record<CustomerStatus, string> = { prospect: 'default', survey: 'cyan', review: 'geekblue', contracted: 'purple', active: 'green', restricted: 'orange', closed: 'red' };
const TYPE_COLOR: Record<CustomerType, string> = { city_gas: 'blue', industrial: 'gold', cng: 'lime', power: 'magenta', chemical: 'volcano', commercial: 'cyan', other: 'default' };

export function StatusTag({ status }: { status: CustomerStatus }) {
  const l = useLbl();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="customer-status">
      {l(CUSTOMER_STATUS_LABELS[status])}
    </Tag>
  );
}
export function TypeTag({ type }: { type: CustomerType }) {
  const l = useLbl();
  return <Tag color={TYPE_COLOR[type]}>{l(CUSTOMER_TYPE_LABELS[type])}</Tag>;
}
export function usePriceLabel() {
  const l = useLbl();
  return (p: string) => l(PRICE_CATEGORY_LABELS[p as keyof typeof PRICE_CATEGORY_LABELS], p);
}
export function useExchangeLabel() {
  const l = useLbl();
  return (s: string) => l(EXCHANGE_STATUS_LABELS[s as keyof typeof EXCHANGE_STATUS_LABELS], s);
}
/** City and county (else the province) in the current language (English: pinyin names). */
export function useRegionText() {
  return useRegions().short;
}

/** The archive tab: every archive field of the customer. */
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dec } from '@common/decimal';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useRegions } from '../../../lib/regions';
import { Loading, ErrorState } from '../../../components/States';
import { NS } from '../i18n';
import { useCustomer } from '../api';
import { StatusTag, TypeTag, useExchangeLabel, usePriceLabel } from '../labels';

export function ArchiveTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const regions = useRegions();
  const q = useCustomer(customerId);
  const price = usePriceLabel();
  const exchange = useExchangeLabel();
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const yes = (b: boolean) => (b ? '✓' : '—');
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="archive">
      <Descriptions.Item label={t('f.code')}>{c.code}</Descriptions.Item>
      <Descriptions.Item label={t('f.name')}>{c.name}</Descriptions.Item>
      <Descriptions.Item label={t('f.uscc')}>
        <span style={{ fontFamily: 'monospace' }}>{c.uscc ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('f.type')}>
        <TypeTag type={c.type} />
      </Descriptions.Item>
      <Descriptions.Item label={t('f.priceCategory')}>{price(c.priceCategory)}</Descriptions.Item>
      <Descriptions.Item label={t('f.status')}>
        <StatusTag status={c.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('f.region')}>{regions.full(c)}</Descriptions.Item>
      <Descriptions.Item label={t('f.address')} span={2}>
        {c.address ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.servesResidents')}>{yes(c.servesResidents)}</Descriptions.Item>
      <Descriptions.Item label={t('f.residentialShare')}>{c.residentialShare == null ? '—' : `${dec(c.residentialShare).times(100).toFixed(2)}%`}</Descriptions.Item>
      <Descriptions.Item label={t('f.verifiedOn')}>{formatDate(c.useStructureVerifiedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('f.exchangeStatus')}>{exchange(c.exchangeStatus)}</Descriptions.Item>
      <Descriptions.Item label={t('f.tags')} span={2}>
        {c.tags.length ? c.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('f.updatedAt')}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('f.closedAt')}>{formatDateTime(c.closedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('f.notes')} span={3}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{c.notes ?? '—'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

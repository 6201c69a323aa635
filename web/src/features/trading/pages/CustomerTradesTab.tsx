/** Customer page tab: the customer's online trade results (real sessions). */
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatFen, formatNumber } from '../../../lib/format';
import { ErrorState } from '../../../components/States';
import { basisUnit, NS } from '../i18n';
import { useCustomerAwards, useCustomerDetail, type CustomerAward } from '../api';
import { printNotice } from '../components/print-notice';

export default function CustomerTradesTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const q = useCustomerAwards(customerId);
  const customer = useCustomerDetail(customerId);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<CustomerAward>
      rowKey="id"
      size="small"
      loading={q.isLoading}
      dataSource={q.data}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('f.title'), dataIndex: 'title', render: (v, r) => <Link to={`/trading/sessions/${r.sessionId}`}>{v}</Link> },
        { title: t('f.mode'), dataIndex: 'mode', render: (v) => t(`mode.${v}`) },
        { title: t('f.month'), dataIndex: 'deliveryMonth' },
        { title: t('f.tag'), dataIndex: 'resourceTag' },
        // each award in its session's unit (m³, or GJ for a session priced on energy)
        { title: t('f.filledAny'), dataIndex: 'quantity', align: 'right', render: (v, r) => `${formatNumber(v)} ${basisUnit(r.basis)}` },
        { title: t('f.dealPriceAny'), dataIndex: 'price', align: 'right', render: (v, r) => `${v} ${t('f.perUnit', { u: basisUnit(r.basis) })}` },
        { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => formatFen(v) },
        { title: t('f.buyerFee'), dataIndex: 'buyerFeeFen', align: 'right', render: (v) => formatFen(v) },
        { title: t('f.submittedAt'), dataIndex: 'awardedAt', render: (v) => formatDateTime(v) },
        {
          title: '',
          render: (_, a) => (
            <Button
              size="small"
              disabled={!customer.data}
              data-testid="trading-print-notice"
              onClick={() =>
                printNotice(t, {
                  buyer: customer.data!.name,
                  session: a.title,
                  quantity: a.quantity,
                  basis: a.basis,
                  price: a.price,
                  amountFen: a.amountFen,
                  buyerFeeFen: a.buyerFeeFen,
                  awardedAt: a.awardedAt,
                })
              }
            >
              {t('a.print')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** Customer page tab: the customer's online trade results (real sessions). */
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatFen, formatNumber } from '../../../lib/format';
import { ErrorState } from '../../../components/States';
import { NS } from '../i18n';
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
        { title: t('f.filled'), dataIndex: 'quantity', align: 'right', render: (v) => formatNumber(v) },
        { title: t('f.dealPrice'), dataIndex: 'price', align: 'right' },
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
                printNotice(t, { buyer: customer.data!.name, session: a.title, quantity: a.quantity, price: a.price, amountFen: a.amountFen, buyerFeeFen: a.buyerFeeFen, awardedAt: a.awardedAt })
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

/** Home widget: licences of my customers expired or expiring within 60 days. */
import { Link } from 'react-router-dom';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KIND_LABELS } from '@common/customers';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { useExpiring } from '../api';
import { useLbl } from '../labels';
import { ExpiryTag } from './DocumentsTab';

export function ExpiringWidget() {
  const { t } = useTranslation(NS);
  const l = useLbl();
  const q = useExpiring(60);
  return (
    <Card size="small" title={t('msg.expiringTitle')} extra={<Link to="/customer-documents/expiring">{t('a.open')}</Link>} loading={q.isLoading}>
      {q.isError ? (
        <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>
      ) : (
        <List
          size="small"
          locale={{ emptyText: t('msg.allGood') }}
          dataSource={(q.data ?? []).slice(0, 6)}
          renderItem={(d) => (
            <List.Item extra={<ExpiryTag days={d.daysToExpiry} />}>
              <Link to={`/customers/${d.customerId}?tab=documents`}>{d.customerName}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {l(DOCUMENT_KIND_LABELS[d.kind])} {formatDate(d.expiresOn)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

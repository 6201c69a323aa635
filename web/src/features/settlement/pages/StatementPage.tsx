/** A customer's monthly settlement statement with lines, PDF and Excel. */
import { App, Button, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatFen, formatNumber } from '../../../lib/format';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { settlementApi, useL, useStatement } from '../api';

export default function StatementPage() {
  const params = useParams();
  const month = String(params.month);
  const customerId = Number(params.customerId);
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const L = useL();
  const q = useStatement(month, customerId);
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const u = s.basis === 'GJ' ? 'GJ' : 'm³';
  const dl = (ext: 'pdf' | 'xlsx') => settlementApi.downloadStatement(month, customerId, ext).catch((e) => message.error(e.message));
  return (
    <PageContainer
      title={`${t('a.statement')} · ${s.customer.name} · ${s.month}`}
      subTitle={<Link to={`/settlement?month=${s.month}`}>{t('menu.settlement')}</Link>}
      extra={
        <Space>
          <Button onClick={() => dl('pdf')}>{t('a.pdf')}</Button>
          <Button onClick={() => dl('xlsx')}>{t('a.excel')}</Button>
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('f.customer')}>
          {s.customer.name}（{s.customer.code}）
        </Descriptions.Item>
        <Descriptions.Item label={t('f.contractNo')}>{s.contractNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('f.status')}>{t(`mstatus.${s.monthStatus}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.contracted')}>
          {formatNumber(s.contracted, 3)} {u}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.actual')}>
          {formatNumber(s.actual, 3)} {u} {s.overTake && <Tag color="orange">{t('msg.overTake')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.amount')}>
          <b data-testid="statement-total">{formatFen(s.totalFen)}</b>
        </Descriptions.Item>
        <Descriptions.Item label={t('f.daily')}>{formatFen(s.dailyChargesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('f.trueUp')}>{formatFen(s.trueUpFen)}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={s.lines}
        columns={[
          { title: t('f.line'), dataIndex: 'lineNo', width: 60 },
          { title: t('f.kindL'), dataIndex: 'kind', render: (k, r) => `${t(`kind.${k}`)}${r.adjustsMonth ? ' ' + r.adjustsMonth : ''}` },
          { title: t('f.tag'), dataIndex: 'tagName', render: (v) => L(v) },
          { title: t('f.days'), dataIndex: 'fromDay', render: (v, r) => (v ? `${v}${r.toDay && r.toDay !== v ? ' ~ ' + r.toDay.slice(5) : ''}` : '—') },
          { title: t('f.quantity'), dataIndex: 'quantity', align: 'right', render: (v) => `${formatNumber(v, 3)} ${u}` },
          { title: t('f.price'), dataIndex: 'price', align: 'right', render: (v) => (v == null ? '—' : `${v} ${t('msg.unitPrice', { u })}`) },
          { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v) => formatFen(v) },
        ]}
      />
    </PageContainer>
  );
}

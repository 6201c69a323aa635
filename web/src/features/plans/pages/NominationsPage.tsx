/** 日指定: import nominations from Excel/CSV; nomination accuracy per customer and month. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import type { ApiError } from '../../../lib/api';
import { formatNumber, paren } from '../../../lib/format';
import { NS } from '../i18n';
import { plansApi, useAccuracy, useImportNominations, type AccuracyRow } from '../api';
import { DownloadOutlined } from '@ant-design/icons';
import { today } from '../../../lib/dates';

export default function NominationsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const canWrite = useCan('plans:write');
  const [month, setMonth] = useState(today().subtract(1, 'day').format('YYYY-MM'));
  const q = useAccuracy(month);
  const imp = useImportNominations();
  const upload = (f: File) =>
    imp
      .mutateAsync(f)
      .then((r) => void message.success(t('msg.imported', { n: r.imported })))
      .catch(
        (e: ApiError) =>
          void modal.error({
            title: e.message,
            content: (e.details?.errors ?? []).slice(0, 20).map((x: { row: number; message: string }) => (
              <div key={`${x.row}${x.message}`}>
                #{x.row} {x.message}
              </div>
            )),
          }),
      );
  return (
    <PageContainer
      title={t('menu.nominations')}
      extra={
        canWrite && (
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => plansApi.downloadNominationTemplate().catch((e: ApiError) => message.error(e.message))}>
              {t('a.template')}
            </Button>
            <Upload showUploadList={false} accept=".xlsx,.csv" beforeUpload={(f) => (void upload(f), false)}>
              <Button loading={imp.isPending}>{t('a.import')}</Button>
            </Upload>
          </Space>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space>
          <DatePicker picker="month" value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} />
          <Typography.Text type="secondary">{t('msg.accuracyHint')}</Typography.Text>
        </Space>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<AccuracyRow>
          size="small"
          rowKey="customerId"
          loading={q.isFetching}
          dataSource={q.data}
          pagination={{ pageSize: 20, showTotal: (n) => tc('fields.total', { count: n }) }}
          columns={[
            { title: t('f.customer'), dataIndex: 'customerName', render: (v, r) => paren(v, r.customerCode) },
            { title: t('f.daysNominated'), dataIndex: 'daysNominated', align: 'right' },
            { title: t('f.daysCompared'), dataIndex: 'daysCompared', align: 'right' },
            { title: t('f.nominated'), dataIndex: 'nominatedM3', align: 'right', render: (v) => formatNumber(v) },
            { title: t('f.actualM3'), dataIndex: 'actualM3', align: 'right', render: (v) => formatNumber(v) },
            { title: t('f.errorPct'), dataIndex: 'errorPct', align: 'right', render: (v) => (v == null ? '—' : `${v}%`) },
          ]}
        />
      )}
    </PageContainer>
  );
}

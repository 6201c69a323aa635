/** 气款设置: global thresholds (预警/减气 days, averaging days N) and closing months. */
import { App, Button, Card, DatePicker, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { type ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { accountsApi, useSave } from '../api';
import { applyFieldErrors } from '../components/common';
import { validFields } from '../../../lib/forms';

export default function SettingsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canSet = useCan('settings:manage');
  const canClose = useCan('adjustments:approve');
  const [form] = Form.useForm();
  const [closeForm] = Form.useForm();
  const th = useQuery({ queryKey: ['accounts', 'thresholds'], queryFn: () => accountsApi.thresholds() });
  const periods = useQuery({ queryKey: ['accounts', 'periods'], queryFn: () => accountsApi.periods() });
  const save = useSave((b: any) => accountsApi.saveThresholds(b));
  const close = useSave((p: string) => accountsApi.closePeriod(p));
  const onSave = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await save.mutateAsync({ warnDays: String(v.warnDays), reduceDays: String(v.reduceDays), avgDays: v.avgDays });
      message.success(t('msg.saved'));
      void th.refetch();
    } catch (e) {
      if (!applyFieldErrors(form, e as ApiError)) message.error((e as Error).message);
    }
  };
  const onClose = async () => {
    const v = await validFields(closeForm);
    if (!v) return;
    const p = (v.month as Dayjs).format('YYYY-MM');
    try {
      await close.mutateAsync(p);
      message.success(t('msg.closed', { period: p }));
      void periods.refetch();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <PageContainer title={t('menu.settings')}>
      <Card size="small" title={t('settings.global')} style={{ marginBottom: 12 }}>
        {th.isLoading ? (
          <Loading />
        ) : th.isError ? (
          <ErrorState error={th.error} onRetry={() => void th.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('msg.levelRule')}</Typography.Paragraph>
            <Form form={form} layout="inline" initialValues={th.data} disabled={!canSet}>
              <Form.Item name="warnDays" label={t('f.warnDays')} rules={[{ required: true, message: t('msg.required') }]}>
                <InputNumber min={0.01} step={0.5} stringMode />
              </Form.Item>
              <Form.Item name="reduceDays" label={t('f.reduceDays')} rules={[{ required: true, message: t('msg.required') }]}>
                <InputNumber min={0.01} step={0.5} stringMode />
              </Form.Item>
              <Form.Item name="avgDays" label={t('f.avgDays')} rules={[{ required: true, message: t('msg.required') }]}>
                <InputNumber min={1} max={90} precision={0} />
              </Form.Item>
              {canSet && (
                <Button type="primary" onClick={onSave} loading={save.isPending}>
                  {tc('actions.save')}
                </Button>
              )}
            </Form>
          </>
        )}
      </Card>
      <Card size="small" title={t('settings.periods')}>
        {canClose && (
          <Form form={closeForm} layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item name="month" rules={[{ required: true, message: t('msg.required') }]}>
              <DatePicker picker="month" placeholder={t('f.period')} />
            </Form.Item>
            <Space>
              <Button onClick={onClose} loading={close.isPending}>
                {t('a.closePeriod')}
              </Button>
            </Space>
          </Form>
        )}
        {periods.isError ? (
          <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <Table
            size="small"
            rowKey="period"
            loading={periods.isFetching}
            dataSource={periods.data}
            pagination={{ pageSize: 12 }}
            columns={[
              { title: t('f.period'), dataIndex: 'period' },
              { title: t('f.closedAt'), dataIndex: 'closedAt', render: formatDateTime },
              { title: t('f.closedBy'), dataIndex: 'closedBy', render: (v) => v ?? '—' },
              { title: t('f.note'), dataIndex: 'note', render: (v) => v ?? '—' },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}

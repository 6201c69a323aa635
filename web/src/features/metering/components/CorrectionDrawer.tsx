/** Enter or correct one day of one delivery point; a correction needs a reason and keeps the old value. */
import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import { meteringApi, KEY, type HistoryRow, type Origin } from '../api';
import { chargesMessages } from './ChargesNote';

export interface CorrectionTarget {
  deliveryPointId: number;
  pointName: string;
  gasDay?: string;
  volumeM3?: string;
  origin?: Origin;
}

const DEC = /^\d+(\.\d{1,3})?$/;

export function CorrectionDrawer({ target, onClose }: { target: CorrectionTarget | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const existing = !!target?.volumeM3;
  useEffect(() => {
    if (target) form.setFieldsValue({ gasDay: target.gasDay ? dayjs(target.gasDay) : undefined, volumeM3: target.volumeM3 ?? '', origin: target.origin ?? 'manual', reason: '' });
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: any) => meteringApi.correct({ deliveryPointId: target!.deliveryPointId, gasDay: v.gasDay.format('YYYY-MM-DD'), volumeM3: v.volumeM3, origin: v.origin, reason: v.reason || null }),
    onSuccess: async (r) => {
      message.success(r.status === 'corrected' ? t('msg.corrected') : r.status === 'unchanged' ? t('msg.unchanged') : t('msg.saved'));
      // a day already charged: the charge will follow (or, in a closed month, settlement adjusts it)
      for (const m of chargesMessages(r.charges, t)) message.info({ content: m, duration: 8 });
      await qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'METERING_REASON_REQUIRED') form.setFields([{ name: 'reason', errors: [e.message] }]);
      else message.error(e instanceof Error ? e.message : String(e));
    },
  });

  const history = useQuery({
    queryKey: [...KEY, 'history', target?.deliveryPointId, target?.gasDay],
    queryFn: () => meteringApi.history({ deliveryPointId: target!.deliveryPointId, gasDay: target!.gasDay }),
    enabled: !!target?.gasDay,
  });

  return (
    <Drawer open={!!target} onClose={onClose} width={520} title={`${existing ? t('a.correct') : t('a.enter')} · ${target?.pointName ?? ''}`} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="gasDay" label={t('f.day')} rules={[{ required: true }]}>
          <DatePicker disabled={!!target?.gasDay} />
        </Form.Item>
        <Form.Item name="volumeM3" label={`${t('f.volume')} (m³)`} rules={[{ required: true }, { pattern: DEC, message: '0–3 位小数的非负数 / non-negative, up to 3 decimals' }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="origin" label={t('f.origin')} extra={t('msg.estimateHint')}>
          <Select options={(['scada', 'manual', 'estimate'] as const).map((o) => ({ value: o, label: t(`origin.${o}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('f.reason')} rules={existing ? [{ required: true, message: t('msg.reasonRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {tc('actions.save')}
          </Button>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
        </Space>
      </Form>
      {target?.gasDay && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('a.history')}
          </Typography.Title>
          <Table<HistoryRow>
            size="small"
            rowKey="id"
            loading={history.isLoading}
            dataSource={history.data ?? []}
            pagination={false}
            columns={[
              { title: t('f.changedAt'), dataIndex: 'changedAt', render: formatDateTime, width: 130 },
              {
                title: t('f.oldValue'),
                render: (_, r) => (
                  <>
                    {formatNumber(r.oldVolumeM3, 3)} <Tag>{t(`origin.${r.oldOrigin}`)}</Tag>
                  </>
                ),
              },
              {
                title: t('f.newValue'),
                render: (_, r) => (
                  <>
                    {formatNumber(r.newVolumeM3, 3)} <Tag>{t(`origin.${r.newOrigin}`)}</Tag>
                  </>
                ),
              },
              { title: t('f.reason'), dataIndex: 'reason' },
              { title: t('f.changedBy'), dataIndex: 'changedBy', render: (v) => v ?? '—' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** Plans (daily / monthly, m³) and the contract daily maximum of one customer. */
import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { NS } from '../i18n';
import { meteringApi, KEY } from '../api';
import { today } from '../../../lib/dates';

const DEC = /^\d+(\.\d{1,3})?$/;

export function PlansModal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const month: Dayjs = Form.useWatch('month', form) ?? today();
  const day: Dayjs = Form.useWatch('day', form) ?? today();
  const plans = useQuery({
    queryKey: [...KEY, 'plans', customerId, month.format('YYYY-MM'), day.format('YYYY-MM-DD')],
    queryFn: () => meteringApi.plans(customerId, { from: month.startOf('month').format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD') }),
  });
  useEffect(() => {
    if (!plans.data) return;
    form.setFieldsValue({
      dailyMaxM3: plans.data.dailyMaxM3 ?? '',
      monthlyM3: plans.data.monthly.find((m) => m.month === month.format('YYYY-MM'))?.plannedM3 ?? '',
      dailyM3: plans.data.daily.find((d) => d.gasDay === day.format('YYYY-MM-DD'))?.plannedM3 ?? '',
    });
  }, [plans.data, form, month, day]);

  const save = useMutation({
    mutationFn: async (v: any) => {
      await meteringApi.saveDailyMax(customerId, { dailyMaxM3: v.dailyMaxM3 || null });
      await meteringApi.savePlans(customerId, {
        monthly: [{ month: v.month.format('YYYY-MM'), plannedM3: v.monthlyM3 || null }],
        daily: [{ gasDay: v.day.format('YYYY-MM-DD'), plannedM3: v.dailyM3 || null }],
      });
    },
    onSuccess: async () => {
      message.success(t('msg.saved'));
      await qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => message.error(e instanceof Error ? e.message : String(e)),
  });

  const num = [{ pattern: DEC, message: '0–3 位小数的非负数 / non-negative, up to 3 decimals' }];
  return (
    <Modal open title={t('a.editPlans')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={{ month: today(), day: today() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="dailyMaxM3" label={`${t('f.dailyMax')} (m³)`} extra={`${t('msg.dailyMaxHint')}；${t('msg.clearValue')}`} rules={num}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('msg.planHint')}</Typography.Paragraph>
        <Form.Item name="month" label={t('f.month')}>
          <DatePicker picker="month" allowClear={false} />
        </Form.Item>
        <Form.Item name="monthlyM3" label={`${t('f.monthlyPlan')} (m³)`} rules={num}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="day" label={t('f.day')}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="dailyM3" label={`${t('f.dailyPlan')} (m³)`} rules={num}>
          <Input inputMode="decimal" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Create a follow-up task (待办) for oneself or a colleague, optionally about a customer. */
import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useMe } from '../../../app/auth';
import { NS } from '../i18n';
import { interactionsApi, useSave } from '../api';
import { CustomerPicker, StaffSelect } from './pickers';
import { showApiError, validated } from './form-errors';
import { today } from '../../../lib/dates';

interface Values {
  customerId?: number;
  title: string;
  notes?: string;
  dueOn: Dayjs;
  assigneeId?: number;
}

export function TaskDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ dueOn: today().add(3, 'day'), assigneeId: me?.id });
    }
  }, [open, form, me?.id]);
  const save = useSave((v: Values) =>
    interactionsApi.createTask({ customerId: v.customerId ?? null, title: v.title, notes: v.notes || null, dueOn: v.dueOn.format('YYYY-MM-DD'), assigneeId: v.assigneeId }),
  );
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      await save.mutateAsync(v);
      message.success(t('msg.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, message.error);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={460}
      title={t('a.newTask')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            {tc('actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('f.task')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="customerId" label={t('f.customer')}>
          <CustomerPicker allowClear />
        </Form.Item>
        <Form.Item name="dueOn" label={t('f.dueOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today(), 'day')} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('f.assignee')} rules={[{ required: true }]}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="notes" label={t('f.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

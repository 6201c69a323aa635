/** Raise or edit a customer issue (客户问题): owner, due date, topic, who raised it. */
import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../../app/auth';
import { NS } from '../i18n';
import { type IssueInput, interactionsApi, TOPICS, useSave, type Issue } from '../api';
import { ContactSelect, CustomerPicker, EnumSelect, StaffSelect } from './pickers';
import { showApiError, validated } from './form-errors';
import { today } from '../../../lib/dates';

interface Values {
  customerId?: number;
  title: string;
  description?: string;
  topic: IssueInput['topic'];
  raisedAt: Dayjs;
  ownerId: number;
  dueOn: Dayjs;
  contactId?: number | null;
}

export function IssueDrawer({ open, onClose, customerId, editing }: { open: boolean; onClose: () => void; customerId?: number; editing?: Issue | null }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('customerId', form) ?? customerId ?? editing?.customerId;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        title: editing.title,
        description: editing.description ?? undefined,
        topic: editing.topic as IssueInput['topic'],
        raisedAt: dayjs(editing.raisedAt),
        ownerId: editing.ownerId,
        dueOn: dayjs(editing.dueOn),
        contactId: editing.contactId,
      });
    else form.setFieldsValue({ customerId, topic: 'complaint', raisedAt: dayjs(), ownerId: me?.id, dueOn: today().add(7, 'day') });
  }, [open, editing, customerId, form, me?.id]);

  const save = useSave(async (v: Values) => {
    const common = { title: v.title, description: v.description || null, topic: v.topic, ownerId: v.ownerId, dueOn: v.dueOn.format('YYYY-MM-DD'), contactId: v.contactId ?? null };
    if (editing) return interactionsApi.updateIssue(editing.id, common);
    return interactionsApi.createIssue({ ...common, customerId: (v.customerId ?? customerId)!, raisedAt: v.raisedAt.toISOString() });
  });

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
      width={520}
      title={editing ? t('a.editIssue') : t('a.raise')}
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
        {!customerId && !editing && (
          <Form.Item name="customerId" label={t('f.customer')} rules={[{ required: true }]}>
            <CustomerPicker />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('f.issue')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="topic" label={t('f.topic')} rules={[{ required: true }]}>
          <EnumSelect values={TOPICS} group="topic" />
        </Form.Item>
        <Form.Item name="description" label={t('f.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="raisedAt" label={t('f.raisedAt')} rules={[{ required: true }]} style={{ width: '55%' }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabled={!!editing} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('f.dueOn')} rules={[{ required: true }]} style={{ width: '45%' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="ownerId" label={t('f.owner')} rules={[{ required: true }]}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="contactId" label={t('f.contact')}>
          <ContactSelect customerId={chosen} allowClear />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Create or edit an interaction; a next step may create a follow-up task. */
import { useEffect } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../../app/auth';
import { NS } from '../i18n';
import { type InteractionInput, interactionsApi, KINDS, TOPICS, useSave, type Interaction } from '../api';
import { ContactSelect, CustomerPicker, EnumSelect, StaffSelect } from './pickers';
import { showApiError, validated } from './form-errors';
import { today } from '../../../lib/dates';

interface Values {
  customerId?: number;
  kind: InteractionInput['kind'];
  occurredOn: Dayjs;
  topic: InteractionInput['topic'];
  summary: string;
  ownerId?: number;
  userIds?: number[];
  contactIds?: number[];
  otherParticipants?: string;
  nextStep?: string;
  withTask?: boolean;
  taskDue?: Dayjs;
  taskAssignee?: number;
}

export function InteractionDrawer({ open, onClose, customerId, editing }: { open: boolean; onClose: () => void; customerId?: number; editing?: Interaction | null }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const chosenCustomer = Form.useWatch('customerId', form) ?? customerId ?? editing?.customerId;
  const withTask = Form.useWatch('withTask', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        customerId: editing.customerId,
        kind: editing.kind as InteractionInput['kind'],
        occurredOn: dayjs(editing.occurredOn),
        topic: editing.topic as InteractionInput['topic'],
        summary: editing.summary,
        ownerId: editing.ownerId,
        userIds: editing.users.map((u) => u.id).filter((id) => id !== editing.ownerId),
        contactIds: editing.contacts.map((c) => c.id),
        otherParticipants: editing.otherParticipants ?? undefined,
        nextStep: editing.nextStep ?? undefined,
      });
    else form.setFieldsValue({ customerId, kind: 'phone', topic: 'payment', occurredOn: today(), ownerId: me?.id, taskDue: today().add(7, 'day') });
  }, [open, editing, customerId, form, me?.id]);

  const save = useSave(async (v: Values) => {
    const common = {
      kind: v.kind,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      topic: v.topic,
      summary: v.summary,
      ownerId: v.ownerId,
      userIds: v.userIds ?? [],
      contactIds: v.contactIds ?? [],
      otherParticipants: v.otherParticipants || null,
      nextStep: v.nextStep || null,
    };
    if (editing) return interactionsApi.updateInteraction(editing.id, common);
    const followUp = v.withTask && v.taskDue ? { dueOn: v.taskDue.format('YYYY-MM-DD'), assigneeId: v.taskAssignee } : undefined;
    return interactionsApi.createInteraction({ customerId: (v.customerId ?? customerId)!, ...common, followUp });
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
      width={560}
      title={editing ? t('a.editLog') : t('a.log')}
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
      <Form form={form} layout="vertical" requiredMark>
        {!customerId && !editing && (
          <Form.Item name="customerId" label={t('f.customer')} rules={[{ required: true }]}>
            <CustomerPicker placeholder={t('f.customer')} />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="occurredOn" label={t('f.date')} rules={[{ required: true }]} style={{ width: '34%' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="kind" label={t('f.kind')} rules={[{ required: true }]} style={{ width: '33%' }}>
            <EnumSelect values={KINDS} group="kind" />
          </Form.Item>
          <Form.Item name="topic" label={t('f.topic')} rules={[{ required: true }]} style={{ width: '33%' }}>
            <EnumSelect values={TOPICS} group="topic" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="summary" label={t('f.summary')} rules={[{ required: true, whitespace: true }, { max: 4000 }]}>
          <Input.TextArea rows={4} showCount maxLength={4000} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('f.owner')} rules={[{ required: true }]}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="userIds" label={t('f.users')}>
          <StaffSelect mode="multiple" />
        </Form.Item>
        <Form.Item name="contactIds" label={t('f.contacts')}>
          <ContactSelect customerId={chosenCustomer} mode="multiple" />
        </Form.Item>
        <Form.Item name="otherParticipants" label={t('f.others')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nextStep" label={t('f.nextStep')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="withTask" valuePropName="checked">
              <Checkbox>{t('f.followUp')}</Checkbox>
            </Form.Item>
            {withTask && (
              <Space.Compact block>
                <Form.Item name="taskDue" label={t('f.followUpDue')} rules={[{ required: true }]} style={{ width: '50%' }}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today(), 'day')} />
                </Form.Item>
                <Form.Item name="taskAssignee" label={t('f.assignee')} style={{ width: '50%' }}>
                  <StaffSelect allowClear placeholder={t('f.owner')} />
                </Form.Item>
              </Space.Compact>
            )}
          </>
        )}
      </Form>
    </Drawer>
  );
}

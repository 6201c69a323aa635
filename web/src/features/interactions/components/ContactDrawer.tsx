/** Create or edit a contact of a customer. Phone formats are checked here and again on the server. */
import { useEffect } from 'react';
import { App, Button, Checkbox, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import { type ContactInput, interactionsApi, ROLES, useSave, type Contact } from '../api';
import { EnumSelect } from './pickers';
import { showApiError, validated } from './form-errors';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;

type Values = Pick<ContactInput, 'name' | 'role'> & { title?: string; mobile?: string; landline?: string; email?: string; notes?: string; isPrimary?: boolean };

export function ContactDrawer({ open, onClose, customerId, editing }: { open: boolean; onClose: () => void; customerId: number; editing?: Contact | null }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        ...editing,
        role: editing.role as ContactInput['role'],
        title: editing.title ?? undefined,
        mobile: editing.mobile ?? undefined,
        landline: editing.landline ?? undefined,
        email: editing.email ?? undefined,
        notes: editing.notes ?? undefined,
      });
    else form.setFieldsValue({ role: 'business' });
  }, [open, editing, form]);

  const save = useSave(async (v: Values) => {
    const body = {
      name: v.name,
      role: v.role,
      title: v.title || null,
      mobile: v.mobile || null,
      landline: v.landline || null,
      email: v.email || null,
      notes: v.notes || null,
      ...(v.isPrimary ? { isPrimary: true } : {}),
    };
    return editing ? interactionsApi.updateContact(editing.id, body) : interactionsApi.createContact(customerId, body);
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

  const atLeastOne = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () => (getFieldValue('mobile') || getFieldValue('landline') || getFieldValue('email') ? Promise.resolve() : Promise.reject(new Error(t('msg.meansRequired')))),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={480}
      title={editing ? t('a.editContact') : t('a.addContact')}
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
        <Form.Item name="name" label={t('f.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('f.role')} rules={[{ required: true }]}>
          <EnumSelect values={ROLES} group="role" />
        </Form.Item>
        <Form.Item name="title" label={t('f.title')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="mobile" label={t('f.mobile')} dependencies={['landline', 'email']} rules={[{ pattern: MOBILE, message: t('msg.mobileFormat') }, atLeastOne]}>
          <Input placeholder="13980001001" maxLength={11} />
        </Form.Item>
        <Form.Item name="landline" label={t('f.landline')} rules={[{ pattern: LANDLINE, message: t('msg.landlineFormat') }]}>
          <Input placeholder="0830-3100001" />
        </Form.Item>
        <Form.Item name="email" label={t('f.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('f.notes')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {!editing?.isPrimary && (
          <Form.Item name="isPrimary" valuePropName="checked" extra={t('msg.primaryHint')}>
            <Checkbox>{t('f.primary')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

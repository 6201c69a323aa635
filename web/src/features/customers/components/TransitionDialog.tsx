/** Change a customer's lifecycle status: only allowed targets, a reason is required; refusals (e.g. close checks) are shown. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@common/customers';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { customersApi, useSave, type Customer } from '../api';
import { StatusTag, useLbl } from '../labels';
import { validFields } from '../../../lib/forms';

export function TransitionDialog({ customer, to, open, onClose }: { customer: Customer; to?: CustomerStatus; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [refused, setRefused] = useState<{ message: string; reasons?: string[] } | null>(null);
  const save = useSave((v: { to: CustomerStatus; reason: string }) => customersApi.transition(customer.id, v));
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ to: to ?? customer.allowedTransitions[0] });
      setRefused(null);
    }
  }, [open, to, customer, form]);

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    save.mutate(v, {
      onSuccess: () => {
        message.success(t('msg.saved'));
        onClose();
      },
      onError: (e) => setRefused({ message: e.message, reasons: e instanceof ApiError ? e.details?.reasons : undefined }),
    });
  };

  return (
    <Modal
      title={t('transitionDlg.title')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
      destroyOnHidden
      okText={tc('actions.confirm')}
      cancelText={tc('actions.cancel')}
      okButtonProps={{ 'data-testid': 'transition-ok' } as any}
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('transitionDlg.current')}>
          <StatusTag status={customer.status} />
        </Form.Item>
        <Form.Item name="to" label={t('f.to')} rules={[{ required: true }]}>
          <Select options={customer.allowedTransitions.map((s) => ({ value: s, label: l(CUSTOMER_STATUS_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('f.reason')} rules={[{ required: true, whitespace: true, message: t('transitionDlg.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="transition-reason" />
        </Form.Item>
      </Form>
      {refused && (
        <Alert
          type="error"
          showIcon
          message={t('transitionDlg.refused')}
          description={
            refused.reasons?.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {refused.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              refused.message
            )
          }
        />
      )}
    </Modal>
  );
}

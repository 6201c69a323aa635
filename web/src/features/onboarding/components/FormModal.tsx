/** A modal with a form: validates, calls the action, shows the server's message on failure. */
import type { ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import type { ApiError } from '../../../lib/api';
import { validFields } from '../../../lib/forms';

export function FormModal<T extends object>({
  open,
  title,
  onClose,
  onSubmit,
  children,
  initialValues,
  loading,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (v: T) => Promise<unknown>;
  children: (form: FormInstance<T>) => ReactNode;
  initialValues?: Partial<T>;
  loading?: boolean;
}) {
  const [form] = Form.useForm<T>();
  const { message } = App.useApp();
  const ok = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await onSubmit(v);
      onClose();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => void ok()} confirmLoading={loading} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initialValues as any} preserve={false}>
        {children(form)}
      </Form>
    </Modal>
  );
}

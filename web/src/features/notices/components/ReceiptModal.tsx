/** Record a returned receipt (回执): date, signer, note and the signed copy (PDF/JPG/PNG). */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import { noticesApi, useNoticeMutation, type Recipient } from '../api';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

export function ReceiptModal({ noticeId, recipient, onClose }: { noticeId: number; recipient: Recipient | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ returnedOn: Dayjs; signer: string; note?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const save = useNoticeMutation((v: { returnedOn: Dayjs; signer: string; note?: string }) =>
    noticesApi.recordReceipt(noticeId, recipient!.customerId, { returnedOn: v.returnedOn.format('YYYY-MM-DD'), signer: v.signer, note: v.note }, file),
  );
  const close = () => {
    form.resetFields();
    setFile(null);
    onClose();
  };
  return (
    <Modal
      open={!!recipient}
      title={`${t('a.markReturned')} — ${recipient?.customerName ?? ''}`}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={close}>
          {tc('actions.cancel')}
        </Button>,
        <Button
          key="s"
          type="primary"
          loading={save.isPending}
          data-testid="receipt-save"
          onClick={async () => {
            const v = await validFields(form);
            if (!v) return;
            try {
              await save.mutateAsync(v);
              message.success(t('msg.receiptSaved'));
              close();
            } catch (e) {
              message.error((e as Error).message);
            }
          }}
        >
          {tc('actions.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ returnedOn: today() }}>
        <Form.Item name="returnedOn" label={t('f.returnedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signer" label={t('f.signer')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('f.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('f.file')} extra={t('msg.fileHint')}>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{tc('actions.upload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

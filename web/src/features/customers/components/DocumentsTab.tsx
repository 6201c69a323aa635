/** Licences and qualification documents: upload (PDF/JPG/PNG/XLSX/DOCX), download, expiry, delete. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '@common/customers';
import { useCan } from '../../../app/auth';
import { ErrorState } from '../../../components/States';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import { customersApi, useCustomer, useDocuments, useSave, type Doc } from '../api';
import { useLbl } from '../labels';
import { showApiError } from './form-errors';
import { validFields } from '../../../lib/forms';

export function ExpiryTag({ days }: { days: number | null }) {
  const { t } = useTranslation(NS);
  if (days == null) return <Tag>{t('msg.noExpiry')}</Tag>;
  if (days < 0) return <Tag color="red">{t('msg.expired')}</Tag>;
  if (days <= 60) return <Tag color="orange">{t('msg.soon', { n: days })}</Tag>;
  return <Tag color="green">{t('msg.days', { n: days })}</Tag>;
}

export function DocumentsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const l = useLbl();
  const { message } = App.useApp();
  const q = useDocuments(customerId);
  const customer = useCustomer(customerId);
  const canWrite = useCan('customers:write') && customer.data?.status !== 'closed';
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm();
  const upload = useSave((v: Record<string, string>) => customersApi.uploadDocument(customerId, file!, v));
  const del = useSave((id: number) => customersApi.deleteDocument(customerId, id));

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    const fields: Record<string, string> = { kind: v.kind, title: v.title };
    if (v.docNo) fields.docNo = v.docNo;
    if (v.issuedOn) fields.issuedOn = v.issuedOn.format('YYYY-MM-DD');
    if (v.expiresOn) fields.expiresOn = v.expiresOn.format('YYYY-MM-DD');
    upload.mutate(fields, { onSuccess: () => (message.success(t('msg.uploaded')), setOpen(false), setFile(null)), onError: (e) => showApiError(form, e, message.error) });
  };

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {canWrite && (
        <Button icon={<UploadOutlined />} style={{ marginBottom: 12 }} onClick={() => (form.resetFields(), setFile(null), setOpen(true))}>
          {t('a.upload')}
        </Button>
      )}
      <Table<Doc>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={false}
        columns={[
          { title: t('f.docKind'), dataIndex: 'kind', width: 160, render: (k) => l(DOCUMENT_KIND_LABELS[k as keyof typeof DOCUMENT_KIND_LABELS]) },
          { title: t('f.docTitle'), dataIndex: 'title' },
          { title: t('f.docNo'), dataIndex: 'docNo', render: (v) => v ?? '—' },
          { title: t('f.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v) => formatDate(v) },
          { title: t('f.expiresOn'), dataIndex: 'expiresOn', width: 110, render: (v) => formatDate(v) },
          { title: t('f.daysLeft'), dataIndex: 'daysToExpiry', width: 110, render: (d) => <ExpiryTag days={d} /> },
          { title: t('f.file'), dataIndex: 'fileName', render: (v, r) => `${v}（${formatNumber(Math.ceil(r.sizeBytes / 1024))} KB）` },
          { title: t('f.uploadedAt'), dataIndex: 'uploadedAt', width: 150, render: (v, r) => `${formatDateTime(v)} ${r.uploadedBy ?? ''}` },
          {
            title: tc('fields.actions'),
            key: 'x',
            width: 140,
            render: (_, r) => (
              <Space size="small">
                <Button size="small" type="link" onClick={() => customersApi.downloadDocument(customerId, r.id).catch((e) => message.error(e.message))}>
                  {t('a.download')}
                </Button>
                {canWrite && (
                  <Popconfirm title={t('a.deleteConfirm')} onConfirm={() => del.mutate(r.id, { onSuccess: () => message.success(t('msg.deleted')), onError: (e) => message.error(e.message) })}>
                    <Button size="small" type="link" danger>
                      {tc('actions.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={t('a.upload')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={upload.isPending}
        destroyOnHidden
        okText={tc('actions.confirm')}
        cancelText={tc('actions.cancel')}
        okButtonProps={{ disabled: !file }}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'business_licence' }}>
          <Form.Item name="kind" label={t('f.docKind')} rules={[{ required: true }]}>
            <Select
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: l(DOCUMENT_KIND_LABELS[k]) }))}
              onChange={(k) => !form.getFieldValue('title') && form.setFieldValue('title', l(DOCUMENT_KIND_LABELS[k as keyof typeof DOCUMENT_KIND_LABELS]))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('f.docTitle')} rules={[{ required: true, whitespace: true, message: t('v.required') }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="docNo" label={t('f.docNo')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="issuedOn" label={t('f.issuedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('f.expiresOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item label={t('f.file')} required extra="PDF / JPG / PNG / XLSX / DOCX">
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
              maxCount={1}
              beforeUpload={(f) => (setFile(f), false)}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{tc('actions.upload')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

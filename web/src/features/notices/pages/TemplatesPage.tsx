/** Notice templates (告知函模板): bilingual title/body with placeholders and custom fields; the sales lead edits them. */
import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState } from '../../../components/States';
import type { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { BUILTIN_PLACEHOLDERS, NOTICE_KINDS, noticesApi, useNoticeMutation, useTemplates, type Template, type TemplateInput } from '../api';
import { KindTag } from '../components/tags';

type Editing = Template | 'new' | null;
/** The drawer's values: a new template's fields (an edited one is loaded whole, id and all). */
type TemplateForm = TemplateInput & Partial<Pick<Template, 'id' | 'builtin' | 'updatedAt'>>;

export default function TemplatesPage() {
  const { t, i18n } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const q = useTemplates();
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<TemplateForm>();
  // the code is fixed once created: a patch leaves it out
  const save = useNoticeMutation(({ code, ...rest }: TemplateInput) => (editing === 'new' ? noticesApi.createTemplate({ code, ...rest }) : noticesApi.updateTemplate((editing as Template).id, rest)));
  const open = (e: Editing) => {
    setEditing(e);
    form.setFieldsValue(e === 'new' || !e ? { kind: 'general', fields: [], requireReceipt: true, receiptDays: 7, active: true } : e);
  };
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <PageContainer
      title={t('menu.templates')}
      subTitle={t('msg.templatesHint')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {t('a.newTemplate')}
        </Button>
      }
    >
      <Table<Template>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data}
        pagination={{ pageSize: 20, showTotal: (c) => tc('fields.total', { count: c }) }}
        columns={[
          {
            title: t('f.name'),
            key: 'n',
            render: (_, r) => (
              <Space>
                {en ? r.nameEn : r.name}
                {r.builtin && <Tag>{t('f.builtin')}</Tag>}
              </Space>
            ),
          },
          { title: t('f.kind'), dataIndex: 'kind', render: (k) => <KindTag kind={k} /> },
          { title: t('f.title'), key: 't', render: (_, r) => (en ? r.titleEn : r.title) },
          { title: t('f.fields'), key: 'f', render: (_, r) => r.fields.map((f) => <Tag key={f.key}>{en ? f.labelEn : f.label}</Tag>) },
          { title: t('f.receiptDays'), key: 'd', render: (_, r) => (r.requireReceipt ? r.receiptDays : t('receipt.not_required')) },
          { title: t('f.active'), dataIndex: 'active', render: (a) => (a ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          {
            title: tc('fields.actions'),
            key: 'a',
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)}>
                {tc('actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={!!editing}
        width={720}
        title={editing === 'new' ? t('a.newTemplate') : t('a.editTemplate')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {tc('actions.save')}
          </Button>
        }
      >
        <Form<TemplateForm>
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const { id: _id, builtin: _b, updatedAt: _u, ...input } = v;
            try {
              await save.mutateAsync(input);
              message.success(t('msg.saved'));
              setEditing(null);
            } catch (e) {
              message.error((e as ApiError).message);
            }
          }}
        >
          <Typography.Paragraph type="secondary">
            {t('f.placeholders')}: {BUILTIN_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
          </Typography.Paragraph>
          <Flex gap={12}>
            <Form.Item name="code" label={t('f.code2')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]} style={{ flex: 1 }}>
              <Input disabled={editing !== 'new'} />
            </Form.Item>
            <Form.Item name="kind" label={t('f.kind')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="name" label={t('f.name')} rules={[{ required: true, max: 60 }]} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="nameEn" label={t('f.nameEn')} rules={[{ required: true, max: 100 }]} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('f.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('f.body')} rules={[{ required: true, max: 8000 }]}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="titleEn" label={t('f.titleEn')} rules={[{ required: true, max: 300 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="bodyEn" label={t('f.bodyEn')} rules={[{ required: true, max: 12000 }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.List name="fields">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>{t('f.fields')}</Typography.Text>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,39}$/ }]} style={{ flex: 1 }}>
                      <Input placeholder={t('f.fieldKey')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, max: 50 }]} style={{ flex: 1 }}>
                      <Input placeholder={t('f.fieldLabel')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'labelEn']} rules={[{ required: true, max: 80 }]} style={{ flex: 1 }}>
                      <Input placeholder={t('f.fieldLabelEn')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} style={{ margin: '8px 0 16px' }}>
                  {t('a.addField')}
                </Button>
              </>
            )}
          </Form.List>
          <Flex gap={24}>
            <Form.Item name="requireReceipt" label={t('f.requireReceipt')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="receiptDays" label={t('f.receiptDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item name="active" label={t('f.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
        </Form>
      </Drawer>
    </PageContainer>
  );
}

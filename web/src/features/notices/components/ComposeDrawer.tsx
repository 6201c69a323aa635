/**
 * Compose a notice (撰写告知函): from a template (fields and placeholders), for customers chosen by
 * filter (type, region, manager, payment level, tags) or by list; preview for the first customer,
 * then send (printed and/or in-app) with or without a receipt.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Cascader, Checkbox, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CUSTOMER_TYPES, CUSTOMER_TYPE_LABELS } from '@common/customers';
import { ApiError } from '../../../lib/api';
import { useRegions } from '../../../lib/regions';
import { CustomerPicker, StaffSelect } from '../../interactions/components/pickers';
import { NS } from '../i18n';
import { BUILTIN_PLACEHOLDERS, NOTICE_KINDS, noticesApi, useNoticeMutation, useTags, useTemplates, type Channel, type ComposeBody, type NoticeKind, type Preview, type RecipientFilter } from '../api';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

interface FormValues {
  templateId?: number;
  kind: NoticeKind;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  fieldValues?: Record<string, string>;
  mode: 'filter' | 'list';
  type?: RecipientFilter['type'];
  region?: string[];
  managerId?: number;
  level?: RecipientFilter['level'];
  tag?: string[];
  customerIds?: number[];
  channels: Channel[];
  requireReceipt: boolean;
  receiptDueOn?: Dayjs;
}

const PH = /\{([A-Za-z][A-Za-z0-9_]{0,39})\}/g;
function customKeys(texts: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const s of texts) for (const m of (s ?? '').matchAll(PH)) if (!(BUILTIN_PLACEHOLDERS as readonly string[]).includes(m[1]) && !out.includes(m[1])) out.push(m[1]);
  return out;
}

/** `customers`: a preset list of recipients (e.g. the customers selected in the customer list). */
export function ComposeDrawer({ open, onClose, customerId, customers }: { open: boolean; onClose: () => void; customerId?: number; customers?: { id: number; label: string }[] }) {
  const { t, i18n } = useTranslation(NS);
  const regions = useRegions();
  const { t: tc } = useTranslation();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const templates = useTemplates();
  const tags = useTags();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const v = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const template = templates.data?.find((x) => x.id === v?.templateId);
  const keys = useMemo(() => customKeys([v?.title, v?.titleEn, v?.body, v?.bodyEn]), [v?.title, v?.titleEn, v?.body, v?.bodyEn]);
  const labelOf = (k: string) => {
    const f = template?.fields.find((x) => x.key === k);
    return f ? `${en ? f.labelEn : f.label} {${k}}` : `{${k}}`;
  };

  const body = (x: FormValues): ComposeBody => ({
    templateId: x.templateId ?? null,
    kind: x.kind,
    title: x.title,
    titleEn: x.titleEn,
    body: x.body,
    bodyEn: x.bodyEn,
    fieldValues: Object.fromEntries(keys.map((k) => [k, x.fieldValues?.[k] ?? ''])),
    recipients:
      x.mode === 'list'
        ? { customerIds: x.customerIds ?? [] }
        : {
            type: x.type?.length ? x.type : undefined,
            region: x.region?.length ? x.region[x.region.length - 1] : undefined,
            managerId: x.managerId,
            level: x.level?.length ? x.level : undefined,
            tag: x.tag?.length ? x.tag : undefined,
          },
    channels: x.channels,
    requireReceipt: x.requireReceipt,
    receiptDueOn: x.requireReceipt && x.receiptDueOn ? x.receiptDueOn.format('YYYY-MM-DD') : null,
  });

  const send = useNoticeMutation(noticesApi.send);

  const applyTemplate = (id: number) => {
    const tpl = templates.data?.find((x) => x.id === id);
    if (!tpl) return;
    form.setFieldsValue({
      kind: tpl.kind,
      title: tpl.title,
      titleEn: tpl.titleEn,
      body: tpl.body,
      bodyEn: tpl.bodyEn,
      requireReceipt: tpl.requireReceipt,
      receiptDueOn: today().add(tpl.receiptDays, 'day'),
      fieldValues: {},
    });
    setPreview(null);
  };

  const showError = (e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));

  const doPreview = async () => {
    setError(null);
    const x = await validFields(form);
    if (!x) return;
    setPreviewing(true);
    try {
      setPreview(await noticesApi.preview(body(x)));
    } catch (e) {
      setPreview(null);
      showError(e);
    } finally {
      setPreviewing(false);
    }
  };

  const doSend = async () => {
    setError(null);
    const x = await validFields(form);
    if (!x) return;
    try {
      const r = await send.mutateAsync(body(x));
      message.success(t('msg.sent', { no: r.no, count: r.recipients }));
      close();
      navigate(`/notices/${r.noticeId}`);
    } catch (e) {
      showError(e);
    }
  };

  const close = () => {
    form.resetFields();
    setPreview(null);
    setError(null);
    onClose();
  };

  return (
    <Drawer
      open={open}
      width={760}
      title={t('a.compose')}
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={doPreview} loading={previewing} data-testid="notice-preview">
            {t('a.preview')}
          </Button>
          <Button type="primary" onClick={doSend} loading={send.isPending} disabled={!preview} data-testid="notice-send">
            {t('a.send')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onValuesChange={() => setPreview(null)}
        initialValues={{
          kind: 'general',
          mode: customerId || customers ? 'list' : 'filter',
          customerIds: customers ? customers.map((c) => c.id) : customerId ? [customerId] : [],
          channels: ['print', 'in_app'],
          requireReceipt: true,
          receiptDueOn: today().add(7, 'day'),
          fieldValues: {},
        }}
      >
        <Flex gap={12}>
          <Form.Item name="templateId" label={t('f.template')} style={{ flex: 2 }}>
            <Select
              allowClear
              loading={templates.isLoading}
              onChange={(id) => id && applyTemplate(id)}
              options={templates.data?.filter((x) => x.active).map((x) => ({ value: x.id, label: en ? x.nameEn : x.name }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('f.kind')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('msg.placeholderHint')} — {t('f.placeholders')}: {BUILTIN_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
        </Typography.Paragraph>
        <Form.Item name="title" label={t('f.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('f.body')} rules={[{ required: true, whitespace: true, max: 8000 }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('f.titleEn')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('f.bodyEn')} rules={[{ required: true, whitespace: true, max: 12000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        {keys.length > 0 && (
          <Card size="small" title={t('f.fields')} style={{ marginBottom: 16 }}>
            <Flex gap={12} wrap>
              {keys.map((k) => (
                <Form.Item key={k} name={['fieldValues', k]} label={labelOf(k)} rules={[{ required: true, whitespace: true, max: 500 }]} style={{ minWidth: 220, flex: 1 }}>
                  <Input data-testid={`field-${k}`} />
                </Form.Item>
              ))}
            </Flex>
          </Card>
        )}
        <Form.Item name="mode" label={t('f.recipientMode')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'filter', label: t('f.byFilter') },
              { value: 'list', label: t('f.byList') },
            ]}
          />
        </Form.Item>
        {v?.mode === 'list' ? (
          <Form.Item name="customerIds" label={t('f.customers')} rules={[{ required: true, type: 'array', min: 1 }]}>
            {customers ? (
              <Select mode="multiple" maxTagCount={20} options={customers.map((c) => ({ value: c.id, label: c.label }))} data-testid="notice-customers" />
            ) : (
              <CustomerPicker mode="multiple" data-testid="notice-customers" />
            )}
          </Form.Item>
        ) : (
          <Flex gap={12} wrap>
            <Form.Item name="type" label={t('f.type')} style={{ minWidth: 200, flex: 1 }}>
              <Select mode="multiple" allowClear options={CUSTOMER_TYPES.map((c) => ({ value: c, label: en ? CUSTOMER_TYPE_LABELS[c].en : CUSTOMER_TYPE_LABELS[c].zh }))} />
            </Form.Item>
            <Form.Item name="region" label={t('f.region')} style={{ minWidth: 200, flex: 1 }}>
              <Cascader changeOnSelect options={regions.options} />
            </Form.Item>
            <Form.Item name="managerId" label={t('f.manager')} style={{ minWidth: 160, flex: 1 }}>
              <StaffSelect managersOnly allowClear />
            </Form.Item>
            <Form.Item name="level" label={t('f.level')} style={{ minWidth: 160, flex: 1 }}>
              <Select mode="multiple" allowClear options={['normal', 'warning', 'reduce', 'stop'].map((l) => ({ value: l, label: t(`level.${l}`) }))} />
            </Form.Item>
            <Form.Item name="tag" label={t('f.tag')} style={{ minWidth: 160, flex: 1 }}>
              <Select mode="multiple" allowClear loading={tags.isLoading} options={tags.data?.map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))} />
            </Form.Item>
          </Flex>
        )}
        <Flex gap={24} wrap align="flex-start">
          <Form.Item name="channels" label={t('f.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group
              options={[
                { value: 'print', label: t('channel.print') },
                { value: 'in_app', label: t('channel.in_app') },
              ]}
            />
          </Form.Item>
          <Form.Item name="requireReceipt" label={t('f.requireReceipt')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {v?.requireReceipt !== false && (
            <Form.Item name="receiptDueOn" label={t('f.dueOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(today(), 'day')} />
            </Form.Item>
          )}
        </Flex>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="notice-error" />}
      {preview && (
        <Card size="small" title={t('msg.previewCount', { count: preview.count })} data-testid="notice-preview-card">
          <Typography.Paragraph type="secondary">{t('msg.previewHint')}</Typography.Paragraph>
          <div style={{ marginBottom: 12 }}>
            {preview.recipients.slice(0, 30).map((r) => (
              <Tag key={r.customerId}>
                {r.code} {r.name}
              </Tag>
            ))}
            {preview.count > 30 && <Typography.Text type="secondary">{t('msg.andMore', { count: preview.count - 30 })}</Typography.Text>}
          </div>
          {preview.sample && (
            <Card size="small" type="inner" title={`${t('msg.samples')}: ${en ? preview.sample.titleEn : preview.sample.title}`}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{en ? preview.sample.bodyEn : preview.sample.body}</Typography.Paragraph>
            </Card>
          )}
        </Card>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {tc('fields.remark')}: {t('msg.needPreview')}
      </Typography.Text>
    </Drawer>
  );
}

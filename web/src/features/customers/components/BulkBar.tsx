/**
 * Bulk actions on the customers selected in the list (issue 9 item 10): assign managers, add a tag
 * (one all-or-nothing request each, with a result summary), send a notice (the notices compose
 * drawer with the selection as its recipients).
 */
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { MailOutlined, TagOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { validFields } from '../../../lib/forms';
import { ComposeDrawer } from '../../notices/components/ComposeDrawer';
import { NS } from '../i18n';
import { customersApi, useSave, useStaff, useTags, type BulkResult } from '../api';

/** The server refuses bigger batches (CUSTOMER_BULK_TOO_MANY); the bar says so before sending. */
export const BULK_MAX = 500;

export interface Picked {
  id: number;
  code: string;
  name: string;
}

export function BulkBar({ picked, onClear }: { picked: Picked[]; onClear: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const canAssign = useCan('customers:assign');
  const canWrite = useCan('customers:write');
  const canNotice = useCan('notices:send');
  const [open, setOpen] = useState<null | 'reassign' | 'tag' | 'notice'>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const ams = useStaff('account_manager');
  const pts = useStaff('part_time_manager');
  const tags = useTags();
  const ids = picked.map((p) => p.id);
  const reassign = useSave(customersApi.bulkReassign);
  const tag = useSave(customersApi.bulkTag);
  const tooMany = picked.length > BULK_MAX;

  const done = (r: BulkResult) => {
    message.success(t('bulk.done', { changed: r.changed, unchanged: r.unchanged }));
    setOpen(null);
    setError(null);
    onClear();
  };
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    setError(null);
    try {
      if (open === 'reassign') {
        if (!v.fullTimeUserId && !v.partTimeUserId) return setError(t('bulk.needManager'));
        done(await reassign.mutateAsync({ ids, fullTimeUserId: v.fullTimeUserId, partTimeUserId: v.partTimeUserId, reason: v.reason }));
      } else done(await tag.mutateAsync({ ids, tag: v.tag }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const close = () => (setOpen(null), setError(null));
  const staffOptions = (d: typeof ams.data) => (d ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  if (!picked.length) return null;
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        data-testid="customer-bulk-bar"
        message={
          <Space wrap>
            <Typography.Text strong data-testid="customer-bulk-count">
              {t('bulk.selected', { count: picked.length })}
            </Typography.Text>
            {tooMany && <Typography.Text type="danger">{t('bulk.limit', { max: BULK_MAX })}</Typography.Text>}
            {canAssign && (
              <Button size="small" icon={<TeamOutlined />} disabled={tooMany} onClick={() => setOpen('reassign')} data-testid="customer-bulk-reassign">
                {t('bulk.reassign')}
              </Button>
            )}
            {canWrite && (
              <Button size="small" icon={<TagOutlined />} disabled={tooMany} onClick={() => setOpen('tag')} data-testid="customer-bulk-tag">
                {t('bulk.tag')}
              </Button>
            )}
            {canNotice && (
              <Button size="small" icon={<MailOutlined />} disabled={tooMany} onClick={() => setOpen('notice')} data-testid="customer-bulk-notice">
                {t('bulk.notice')}
              </Button>
            )}
            <Button size="small" type="link" onClick={onClear}>
              {t('bulk.clear')}
            </Button>
          </Space>
        }
      />
      <Modal
        open={open === 'reassign' || open === 'tag'}
        title={open === 'reassign' ? t('bulk.reassignTitle', { count: picked.length }) : t('bulk.tagTitle', { count: picked.length })}
        onCancel={close}
        onOk={submit}
        confirmLoading={reassign.isPending || tag.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'customer-bulk-ok' } as Record<string, string>}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="customer-bulk-error" />}
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'reassign' ? (
            <>
              <Form.Item name="fullTimeUserId" label={t('bulk.fullTime')}>
                <Select allowClear showSearch optionFilterProp="label" loading={ams.isLoading} options={staffOptions(ams.data)} data-testid="customer-bulk-fulltime" />
              </Form.Item>
              <Form.Item name="partTimeUserId" label={t('bulk.partTime')}>
                <Select allowClear showSearch optionFilterProp="label" loading={pts.isLoading} options={staffOptions(pts.data)} />
              </Form.Item>
              <Form.Item name="reason" label={t('bulk.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                <Input.TextArea rows={2} data-testid="customer-bulk-reason" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="tag" label={t('bulk.tagName')} rules={[{ required: true, whitespace: true, max: 20 }]}>
              <AutoComplete options={(tags.data ?? []).map((x) => ({ value: x.tag }))} filterOption data-testid="customer-bulk-tagname" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      {open === 'notice' && <ComposeDrawer open onClose={close} customers={picked.map((p) => ({ id: p.id, label: `${p.code} ${p.name}` }))} />}
    </>
  );
}

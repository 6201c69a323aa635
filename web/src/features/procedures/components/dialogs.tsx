/** Small dialogs of the procedure: confirm execution, receipt, approve/reject, cancel, open a case. */
import { useEffect, useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { proceduresApi, useCaseMutation, useCustomerPick, type Step } from '../api';
import { applyFieldErrors } from './form-errors';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

function useSubmit<V>(form: ReturnType<typeof Form.useForm<V>>[0], run: (v: V) => Promise<unknown>, done: () => void, okMsg: string) {
  const { message } = App.useApp();
  return async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await run(v);
      message.success(okMsg);
      done();
    } catch (e) {
      if (!(e instanceof ApiError) || !applyFieldErrors(form, e)) message.error((e as Error).message);
    }
  };
}

interface ConfirmValues {
  executedAt: Dayjs;
  executorName: string;
  actualVolumeM3?: string;
  valveClosed?: boolean;
  note?: string;
  overrideReason?: string;
}
/** The operation area confirms it executed an instruction (时间、执行人、实际减量/关阀). */
export function ConfirmDialog({ step, onClose }: { step: Pick<Step, 'id' | 'caseId' | 'kind'> | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<ConfirmValues>();
  const m = useCaseMutation((v: ConfirmValues) =>
    proceduresApi.confirm(step!.caseId, step!.id, {
      executedAt: v.executedAt.toISOString(),
      executorName: v.executorName,
      actualVolumeM3: v.actualVolumeM3 != null && v.actualVolumeM3 !== '' ? String(v.actualVolumeM3) : undefined,
      valveClosed: step!.kind === 'stop' ? (v.valveClosed ?? true) : undefined,
      note: v.note || undefined,
      overrideReason: v.overrideReason?.trim() || undefined,
    }),
  );
  // The server refuses to confirm a reduce/stop for a customer who has paid (PROC_CUSTOMER_PAID)
  // unless a reason is given: the dialog then asks for it.
  const [needsOverride, setNeedsOverride] = useState(false);
  useEffect(() => {
    if (step) form.setFieldsValue({ executedAt: dayjs(), valveClosed: true });
    setNeedsOverride(false);
  }, [step, form]);
  const submit = useSubmit(
    form,
    (v) =>
      m.mutateAsync(v).catch((e) => {
        if (e instanceof ApiError && e.code === 'PROC_CUSTOMER_PAID') setNeedsOverride(true);
        throw e;
      }),
    onClose,
    t('msg.confirmed'),
  );
  return (
    <Modal open={!!step} title={step ? t('a.confirmTitle', { kind: t(`step.${step.kind}`) }) : ''} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="executedAt" label={t('f.executedAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item name="executorName" label={t('f.executor')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        {step?.kind === 'reduce' && (
          <Form.Item name="actualVolumeM3" label={t('f.actualVolume')}>
            <InputNumber<string> min="0" stringMode style={{ width: '100%' }} />
          </Form.Item>
        )}
        {step?.kind === 'stop' && (
          <Form.Item name="valveClosed" valuePropName="checked">
            <Checkbox>{t('f.valveClosed')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('f.executionNote')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {needsOverride && (
          <Form.Item name="overrideReason" label={t('f.paidOverride')} rules={[{ required: true, whitespace: true }]} data-testid="paid-override">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

interface ReceiptValues {
  deliveredAt?: Dayjs | null;
  signedAt?: Dayjs | null;
  signer?: string;
}
export function ReceiptDialog({ step, onClose }: { step: Step | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<ReceiptValues>();
  const m = useCaseMutation((v: ReceiptValues) =>
    proceduresApi.receipt(step!.caseId, step!.id, {
      deliveredAt: v.deliveredAt ? v.deliveredAt.toISOString() : null,
      signedAt: v.signedAt ? v.signedAt.toISOString() : null,
      signer: v.signer?.trim() || null,
    }),
  );
  useEffect(() => {
    if (step)
      form.setFieldsValue({
        deliveredAt: step.receiptDeliveredAt ? dayjs(step.receiptDeliveredAt) : null,
        signedAt: step.receiptSignedAt ? dayjs(step.receiptSignedAt) : null,
        signer: step.receiptSigner ?? undefined,
      });
  }, [step, form]);
  const submit = useSubmit(form, (v) => m.mutateAsync(v), onClose, t('msg.saved'));
  return (
    <Modal open={!!step} title={t('a.receipt')} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="deliveredAt" label={t('f.deliveredAt')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signedAt" label={t('f.signedAt')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signer" label={t('f.signer')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Approve or reject a 保民用 stop (sales lead). */
export function DecisionDialog({ target, onClose }: { target: { caseId: number; stepId: number; decision: 'approve' | 'reject' } | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ text?: string }>();
  const reject = target?.decision === 'reject';
  const m = useCaseMutation((v: { text?: string }) =>
    reject ? proceduresApi.reject(target!.caseId, target!.stepId, { reason: v.text ?? '' }) : proceduresApi.approve(target!.caseId, target!.stepId, { note: v.text || undefined }),
  );
  const submit = useSubmit(form, (v) => m.mutateAsync(v), onClose, reject ? t('msg.rejected') : t('msg.approved'));
  return (
    <Modal open={!!target} title={reject ? t('a.rejectTitle') : t('a.approveTitle')} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} okButtonProps={{ danger: reject }} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="text" label={reject ? t('f.rejectReason') : t('f.approvalNote')} rules={reject ? [{ required: true, whitespace: true }] : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CancelDialog({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ reason: string }>();
  const m = useCaseMutation((v: { reason: string }) => proceduresApi.cancel(caseId, v));
  const submit = useSubmit(form, (v) => m.mutateAsync(v), onClose, t('msg.cancelled'));
  return (
    <Modal open={open} title={t('a.cancelTitle')} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} okButtonProps={{ danger: true }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('msg.cancelHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('f.cancelReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Open a case by hand; `customerId` fixes the customer (customer tab). */
export function OpenCaseDialog({ open, customerId, onClose }: { open: boolean; customerId?: number; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const [form] = Form.useForm<{ customerId: number; note?: string }>();
  const [q, setQ] = useState('');
  const pick = useCustomerPick(q, open && !customerId);
  const m = useCaseMutation((v: { customerId: number; note?: string }) => proceduresApi.open({ customerId: customerId ?? v.customerId, note: v.note || undefined }));
  const submit = useSubmit(form, async (v) => navigate(`/procedures/${(await m.mutateAsync(v)).id}`), onClose, t('msg.opened'));
  return (
    <Modal open={open} title={t('a.openTitle')} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        {!customerId && (
          <Form.Item name="customerId" label={t('f.customer')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={pick.isFetching}
              placeholder={t('f.keyword')}
              options={pick.data?.items.map((c) => ({ value: c.id, disabled: c.openCaseId != null, label: `${c.code} ${c.name}${c.openCaseId != null ? `（${t('msg.alreadyOpen')}）` : ''}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('f.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Add the next step of a case: warning, payment notice, reduce/stop/restore instruction. */
import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { proceduresApi, useCaseMutation, useOperators, type CaseDetail, type StepOption } from '../api';
import { applyFieldErrors } from './form-errors';
import { validFields } from '../../../lib/forms';
import { today } from '../../../lib/dates';

interface Values {
  note?: string;
  overrideReason?: string;
  operatorUserIds?: number[];
  targetVolumeM3?: string;
  noticeNo?: string;
  sentAt?: Dayjs;
}

export function StepActionModal({ detail, option, onClose }: { detail: CaseDetail; option: StepOption | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = option?.kind;
  const instruction = kind === 'reduce' || kind === 'stop' || kind === 'restore';
  const operators = useOperators(detail.customer.id, !!option && instruction);
  const m = useCaseMutation((v: Values) =>
    proceduresApi.addStep(detail.id, {
      kind: kind!, // the modal only opens with a chosen step option
      note: v.note || undefined,
      overrideReason: v.overrideReason || undefined,
      operatorUserIds: v.operatorUserIds?.length ? v.operatorUserIds : undefined,
      targetVolumeM3: kind === 'reduce' && v.targetVolumeM3 != null && v.targetVolumeM3 !== '' ? String(v.targetVolumeM3) : undefined,
      noticeNo: kind === 'notice' ? v.noticeNo || undefined : undefined,
      sentAt: kind === 'notice' && v.sentAt ? v.sentAt.toISOString() : undefined,
    }),
  );
  useEffect(() => {
    if (option) form.resetFields();
  }, [option, form]);
  useEffect(() => {
    if (operators.data && instruction)
      form.setFieldValue(
        'operatorUserIds',
        operators.data.filter((o) => o.suggested).map((o) => o.id),
      );
  }, [operators.data, instruction, form]);

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await m.mutateAsync(v);
      message.success(t('msg.saved'));
      onClose();
    } catch (e) {
      if (!(e instanceof ApiError) || !applyFieldErrors(form, e)) message.error((e as Error).message);
    }
  };

  return (
    <Modal open={!!option} title={kind ? t(`step.${kind}`) : ''} onCancel={onClose} onOk={submit} confirmLoading={m.isPending} destroyOnHidden>
      {option?.needsApproval && <Alert type="warning" showIcon message={t('msg.needsApproval')} style={{ marginBottom: 12 }} />}
      {option?.needsReason && <Alert type="info" showIcon message={t('msg.needsReason')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {kind === 'notice' && (
          <>
            <Form.Item name="noticeNo" label={t('f.noticeNo')}>
              <Input maxLength={60} placeholder={`CK-${detail.id}-${detail.steps.length + 1}`} />
            </Form.Item>
            <Form.Item name="sentAt" label={t('f.sentAt')} initialValue={dayjs()}>
              <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
          </>
        )}
        {kind === 'reduce' && (
          <Form.Item name="targetVolumeM3" label={t('f.targetVolume')}>
            <InputNumber<string> min="0" stringMode style={{ width: '100%' }} />
          </Form.Item>
        )}
        {instruction && (
          <Form.Item name="operatorUserIds" label={t('f.operators')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="multiple" loading={operators.isLoading} options={operators.data?.map((o) => ({ value: o.id, label: `${o.name}${o.department ? `（${o.department}）` : ''}` }))} />
          </Form.Item>
        )}
        {option?.needsReason && (
          <Form.Item name="overrideReason" label={t('f.overrideReason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('f.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

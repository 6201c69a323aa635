/**
 * Create or edit a plan version (初版 / 调整): the annual target (volume and revenue) and the 12
 * monthly plans, with the sum check — the months must add up to the target, or the deviation is
 * kept explicitly, flagged, with a note (DOMAIN.md §5 "Sales plans"; the server checks the same).
 */
import { useEffect } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '@common/money';
import { diffToTarget, isVolume, splitEvenly, sumVolumes, VOLUME_RE, YUAN_RE } from '@common/plan-volumes';
import type { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import { plansApi, usePlansMutation, type VersionDetail } from '../api';

interface MonthRow {
  volumeM3: string;
  revenueYuan: string;
}
interface Values {
  year: number;
  kind: 'initial' | 'adjusted';
  targetVolumeM3: string;
  targetRevenueYuan: string;
  months: MonthRow[];
  acceptDeviation: boolean;
  deviationNote?: string;
  note?: string;
}

const yuan = (fen: number) => formatFen(fen, { separators: false });
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** `edit`: the draft to edit; `base`: the version an adjusted version starts from; neither: a new initial version. */
export function VersionForm({ open, onClose, edit, base, year }: { open: boolean; onClose: (id?: number) => void; edit?: VersionDetail; base?: VersionDetail; year: number }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = usePlansMutation((v: Values) => {
    const body = {
      targetVolumeM3: v.targetVolumeM3.trim(),
      targetRevenueFen: parseYuan(v.targetRevenueYuan),
      months: v.months.map((m, i) => ({ month: i + 1, volumeM3: m.volumeM3.trim(), revenueFen: parseYuan(m.revenueYuan) })),
      acceptDeviation: v.acceptDeviation || undefined,
      deviationNote: v.acceptDeviation ? v.deviationNote : undefined,
      note: v.note || undefined,
    };
    return edit ? plansApi.update(edit.id, body) : plansApi.create({ ...body, year: v.year, kind: v.kind });
  });

  useEffect(() => {
    if (!open) return;
    const from = edit ?? base;
    form.setFieldsValue(
      from
        ? {
            year: from.year,
            kind: edit ? edit.kind : 'adjusted',
            targetVolumeM3: from.targetVolumeM3,
            targetRevenueYuan: yuan(from.targetRevenueFen),
            months: from.months.map((m) => ({ volumeM3: m.volumeM3, revenueYuan: yuan(m.revenueFen) })),
            acceptDeviation: !!edit?.deviationFlag,
            deviationNote: edit?.deviationNote ?? undefined,
            note: edit?.note ?? undefined,
          }
        : { year, kind: 'initial', targetVolumeM3: '', targetRevenueYuan: '', months: MONTHS.map(() => ({ volumeM3: '', revenueYuan: '' })), acceptDeviation: false },
    );
  }, [open, edit, base, year, form]);

  const target = Form.useWatch('targetVolumeM3', form);
  const months = Form.useWatch('months', form) ?? [];
  const accept = Form.useWatch('acceptDeviation', form);
  const vols = months.map((m) => m?.volumeM3);
  const sum = sumVolumes(vols);
  const diff = diffToTarget(target, vols);
  const matches = diff === '0.000';

  const split = () => {
    const v = form.getFieldsValue();
    const vs = isVolume(v.targetVolumeM3) ? splitEvenly(v.targetVolumeM3.trim(), 12) : null;
    const rs = YUAN_RE.test((v.targetRevenueYuan ?? '').replace(/[,，\s]/g, '')) ? splitEvenly(v.targetRevenueYuan.replace(/[,，\s]/g, ''), 12, 2) : null;
    form.setFieldValue(
      'months',
      MONTHS.map((_, i) => ({ volumeM3: vs?.[i] ?? v.months[i]?.volumeM3 ?? '', revenueYuan: rs?.[i] ?? v.months[i]?.revenueYuan ?? '' })),
    );
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (!matches && !v.acceptDeviation) {
      message.error(t('form.mustMatch'));
      return;
    }
    try {
      const r = await save.mutateAsync(v);
      message.success(edit ? t('form.saved') : t('form.created'));
      onClose(r.id);
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };

  const volRule = { pattern: VOLUME_RE, message: t('form.volumeInvalid') };
  const yuanRule = { validator: (_: unknown, s: string) => (!s || YUAN_RE.test(s.replace(/[,，\s]/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('form.yuanInvalid')))) };
  const req = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  return (
    <Modal
      open={open}
      width={860}
      title={edit ? `${t('form.editVersion')} · ${edit.year} ${t(`kind.${edit.kind}`)} #${edit.seq}` : base ? t('form.newAdjusted') : t('form.newVersion')}
      onCancel={() => onClose()}
      okText={t('a.save')}
      cancelText={t('a.cancel')}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="version-form">
        <Space wrap size={16} align="start">
          <Form.Item name="year" label={t('f.year')} rules={[{ required: true, message: t('form.required', { field: t('f.year') }) }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={!!edit || !!base} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('form.kind')}>
            <Segmented
              disabled={!!edit || !!base}
              options={[
                { value: 'initial', label: t('kind.initial') },
                { value: 'adjusted', label: t('kind.adjusted') },
              ]}
            />
          </Form.Item>
          <Form.Item name="targetVolumeM3" label={t('form.targetM3')} rules={[req(t('form.targetM3')), volRule]}>
            <Input style={{ width: 200 }} inputMode="decimal" data-testid="target-volume" />
          </Form.Item>
          <Form.Item name="targetRevenueYuan" label={t('form.revenueYuan')} rules={[req(t('form.revenueYuan')), yuanRule]}>
            <Input style={{ width: 200 }} inputMode="decimal" data-testid="target-revenue" />
          </Form.Item>
        </Space>
        <Button onClick={split} style={{ marginBottom: 8 }} data-testid="split-months">
          {t('form.split')}
        </Button>
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={MONTHS.map((month) => ({ month }))}
          columns={[
            { title: t('f.month'), dataIndex: 'month', width: 70 },
            {
              title: t('form.monthM3'),
              key: 'v',
              render: (_, r) => (
                <Form.Item name={['months', r.month - 1, 'volumeM3']} rules={[req(t('form.monthM3')), volRule]} style={{ margin: 0 }}>
                  <Input inputMode="decimal" />
                </Form.Item>
              ),
            },
            {
              title: t('form.monthYuan'),
              key: 'r',
              render: (_, r) => (
                <Form.Item name={['months', r.month - 1, 'revenueYuan']} rules={[req(t('form.monthYuan')), yuanRule]} style={{ margin: 0 }}>
                  <Input inputMode="decimal" />
                </Form.Item>
              ),
            },
          ]}
        />
        <Alert
          style={{ margin: '8px 0' }}
          showIcon
          type={matches ? 'success' : 'warning'}
          data-testid="months-check"
          message={
            <span>
              {t('form.sum', { sum: formatNumber(sum, 3), target: isVolume(target) ? formatNumber(target!.trim(), 3) : '—' })}
              {matches ? `，${t('form.matches')}` : `，${t('form.diff', { diff: formatNumber(diff, 3) })}`}
            </span>
          }
        />
        {!matches && (
          <>
            <Form.Item name="acceptDeviation" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('form.acceptDeviation')}</Checkbox>
            </Form.Item>
            {accept && (
              <Form.Item name="deviationNote" label={t('form.deviationNote')} rules={[{ required: true, whitespace: true, message: t('form.noteRequired') }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={1} maxLength={500} />
        </Form.Item>
        {!matches && !accept && <Typography.Text type="danger">{t('form.mustMatch')}</Typography.Text>}
      </Form>
    </Modal>
  );
}

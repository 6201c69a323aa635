/** The record of a case: one timeline item per step, with its details, attachments and actions. */
import type { ReactNode } from 'react';
import { App, Button, Descriptions, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, FilePdfOutlined, PaperClipOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../../app/auth';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import { proceduresApi, type CaseDetail, type Step } from '../api';
import { LevelTag, StepStatusTag } from './tags';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function dotOf(s: Step) {
  if (s.status === 'executed' || s.status === 'done') return <CheckCircleOutlined style={{ color: '#52c41a' }} />;
  if (s.status === 'rejected') return <CloseCircleOutlined style={{ color: '#ff4d4f' }} />;
  if (s.status === 'cancelled') return <StopOutlined style={{ color: '#999' }} />;
  return <ClockCircleOutlined style={{ color: s.status === 'pending_approval' ? '#722ed1' : '#fa8c16' }} />;
}

export interface TimelineActions {
  onConfirm: (s: Step) => void;
  onDecide: (s: Step, decision: 'approve' | 'reject') => void;
  onReceipt: (s: Step) => void;
}

function UploadButton({ detail, step, purpose }: { detail: CaseDetail; step: Step; purpose: 'attachment' | 'receipt' }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          await proceduresApi.uploadAttachment(detail.id, step.id, file as File, purpose);
          message.success(t('msg.uploaded'));
          await qc.invalidateQueries({ queryKey: ['procedures'] });
          onSuccess?.({});
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : String(e));
          onError?.(e as Error);
        }
      }}
    >
      <Button size="small" icon={<UploadOutlined />} title={t('msg.fileHint')}>
        {purpose === 'receipt' ? t('a.uploadReceipt') : t('a.upload')}
      </Button>
    </Upload>
  );
}

function StepBody({ detail, step: s, actions }: { detail: CaseDetail; step: Step; actions: TimelineActions }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const me = useMe().data;
  const canWrite = useCan('procedures:write');
  const canExecute = useCan('procedures:execute');
  const canApprove = useCan('procedures:approve_stop');
  const isOperator = !!me && (me.roles.includes('admin') || s.operators.some((o) => o.id === me.id));
  const items: { label: string; children: ReactNode }[] = [];
  const add = (label: string, v: ReactNode) => v != null && v !== '' && items.push({ label, children: v });
  add(t('f.actor'), s.actor?.name);
  add(t('f.levelAt'), s.levelAt && <LevelTag level={s.levelAt} />);
  add(t('f.note'), s.note);
  add(t('f.overrideReason'), s.overrideReason);
  if (s.kind === 'notice') {
    add(t('f.noticeNo'), s.noticeNo);
    add(t('f.sentAt'), formatDateTime(s.noticeSentAt));
    add(t('f.deliveredAt'), formatDateTime(s.receiptDeliveredAt));
    add(t('f.signedAt'), formatDateTime(s.receiptSignedAt));
    add(t('f.signer'), s.receiptSigner ?? '—');
  }
  if (s.operators.length) add(t('f.operators'), s.operators.map((o) => o.name).join('、'));
  add(t('f.targetVolume'), s.targetVolumeM3 && formatNumber(s.targetVolumeM3, 0));
  if (s.approvedBy) add(t('f.approvedBy'), `${s.approvedBy.name}（${formatDateTime(s.approvedAt)}）${s.approvalNote ? `：${s.approvalNote}` : ''}`);
  if (s.rejectedBy) add(t('f.rejectReason'), `${s.rejectedBy.name}（${formatDateTime(s.rejectedAt)}）：${s.rejectReason}`);
  if (s.cancelledAt) add(t('f.cancelReason'), `${formatDateTime(s.cancelledAt)} ${s.cancelReason ?? ''}`);
  if (s.executedAt) {
    add(t('f.executedAt'), formatDateTime(s.executedAt));
    add(t('f.executor'), `${s.executorName ?? ''}${s.confirmedBy ? `（${s.confirmedBy.name}）` : ''}`);
    add(t('f.actualVolume'), s.actualVolumeM3 && formatNumber(s.actualVolumeM3, 0));
    if (s.valveClosed != null) add(t('f.valveClosed'), s.valveClosed ? '✓' : '✗');
    add(t('f.executionNote'), s.executionNote);
  }
  return (
    <div style={{ paddingBottom: 8 }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t(`step.${s.kind}`)}</Typography.Text>
        <StepStatusTag status={s.status} />
        <Typography.Text type="secondary">{formatDateTime(s.actedAt)}</Typography.Text>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items.map((x, i) => ({ key: i, ...x }))} />
      {s.attachments.length > 0 && (
        <Space wrap style={{ margin: '4px 0' }}>
          {s.attachments.map((a) => (
            <Button key={a.id} size="small" type="link" icon={<PaperClipOutlined />} onClick={() => void proceduresApi.downloadAttachment(detail.id, a.id)}>
              {a.purpose === 'receipt' && <Tag color="blue">{t('purpose.receipt')}</Tag>}
              {a.filename}
            </Button>
          ))}
        </Space>
      )}
      <Space wrap>
        {s.kind === 'notice' && (
          <>
            <Button size="small" icon={<FilePdfOutlined />} href={proceduresApi.noticePdfHref(detail.id, s.id, en ? 'en' : 'zh-CN')} target="_blank">
              {t('a.print')}
            </Button>
            <Button size="small" href={proceduresApi.noticePdfHref(detail.id, s.id, en ? 'zh-CN' : 'en')} target="_blank">
              {t('a.printOther')}
            </Button>
            {canWrite && (
              <Button size="small" onClick={() => actions.onReceipt(s)}>
                {t('a.receipt')}
              </Button>
            )}
            {canWrite && <UploadButton detail={detail} step={s} purpose="receipt" />}
          </>
        )}
        {canWrite && s.kind !== 'notice' && <UploadButton detail={detail} step={s} purpose="attachment" />}
        {s.status === 'pending_execution' && canExecute && isOperator && (
          <Button size="small" type="primary" onClick={() => actions.onConfirm(s)}>
            {t('a.confirm')}
          </Button>
        )}
        {s.status === 'pending_approval' && canApprove && (
          <>
            <Button size="small" type="primary" onClick={() => actions.onDecide(s, 'approve')}>
              {t('a.approve')}
            </Button>
            <Button size="small" danger onClick={() => actions.onDecide(s, 'reject')}>
              {t('a.reject')}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}

export function StepTimeline({ detail, actions }: { detail: CaseDetail; actions: TimelineActions }) {
  return <Timeline items={detail.steps.map((s) => ({ key: s.id, dot: dotOf(s), children: <StepBody detail={detail} step={s} actions={actions} /> }))} />;
}

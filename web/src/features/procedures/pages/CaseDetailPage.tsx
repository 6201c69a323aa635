/** Case detail: header, customer and payment, progress, the step timeline and the allowed actions. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Steps, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import { ErrorState, Loading } from '../../../components/States';
import { formatDate, formatDateTime, formatFen } from '../../../lib/format';
import { ApiError } from '../../../lib/api';
import { useRegions } from '../../../lib/regions';
import { NS } from '../i18n';
import { STEP_KINDS, useCase, type CaseDetail, type Step, type StepKind, type StepOption } from '../api';
import { CaseStatusTag, LevelTag, StepLabel } from '../components/tags';
import { StepTimeline } from '../components/StepTimeline';
import { StepActionModal } from '../components/StepActionModal';
import { CancelDialog, ConfirmDialog, DecisionDialog, ReceiptDialog } from '../components/dialogs';

function progress(d: CaseDetail) {
  const eff = d.steps.filter((s) => s.status !== 'rejected' && s.status !== 'cancelled');
  const statusOf = (k: StepKind): 'finish' | 'process' | 'wait' => {
    const s = [...eff].reverse().find((x) => x.kind === k);
    if (!s) return 'wait';
    return s.status === 'pending_approval' || s.status === 'pending_execution' ? 'process' : 'finish';
  };
  return STEP_KINDS.map((k) => ({ kind: k, status: statusOf(k) }));
}

function Header({ d }: { d: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const region = useRegions().full(d.customer, ' ');
  return (
    <Card size="small" title={t('msg.customerInfo')} style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'c',
            label: t('f.customer'),
            children: (
              <Space>
                {`${d.customer.code} ${d.customer.name}`}
                {d.customer.servesResidents && (
                  <Tooltip title={t('f.residentsHint')}>
                    <Tag color="magenta">{t('f.residents')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { key: 'r', label: t('f.region'), children: region },
          { key: 'm', label: t('f.managers'), children: d.managers.map((m) => `${m.name}${m.phone ? ` ${m.phone}` : ''}`).join('；') || '—' },
          { key: 'l', label: t('f.level'), children: <LevelTag level={d.payment?.level ?? d.level} /> },
          { key: 'b', label: t('f.balance'), children: d.payment ? `${formatFen(d.payment.balanceFen)} ${tc('units.yuan')}` : t('msg.noPayment') },
          { key: 'a', label: t('f.availableDays'), children: d.payment?.availableDays != null ? tc('units.days', { count: Number(d.payment.availableDays) }) : '—' },
          { key: 'g', label: t('f.avgCharge'), children: d.payment?.avgDailyChargeFen != null ? `${formatFen(d.payment.avgDailyChargeFen)} ${tc('units.yuan')}` : '—' },
          { key: 'o', label: t('f.openedVia'), children: `${t(`via.${d.openedVia}`)} ${formatDateTime(d.openedAt)}${d.openedBy ? `（${d.openedBy.name}）` : ''}` },
          { key: 't', label: t('f.trigger'), children: <LevelTag level={d.triggerLevel} /> },
          { key: 'x', label: t('f.closedAt'), children: d.closedAt ? `${formatDate(d.closedAt)} ${d.closeReason === 'restored' ? t('f.restored') : (d.closeReason ?? '')}` : '—' },
          { key: 'n', label: t('f.note'), children: d.note ?? '—' },
        ]}
      />
    </Card>
  );
}

export default function CaseDetailPage() {
  const { t } = useTranslation(NS);
  const id = Number(useParams().id);
  const q = useCase(id);
  const [option, setOption] = useState<StepOption | null>(null);
  const [confirm, setConfirm] = useState<Step | null>(null);
  const [receipt, setReceipt] = useState<Step | null>(null);
  const [decision, setDecision] = useState<{ caseId: number; stepId: number; decision: 'approve' | 'reject' } | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" />;
  if (q.isLoading) return <Loading />;
  if (q.isError) {
    const e = q.error as ApiError;
    return e.status === 404 || e.status === 403 ? <Result status={e.status === 404 ? '404' : '403'} subTitle={e.message} /> : <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const d = q.data!;
  const actions = d.options.filter((o) => o.allowed || o.reason);
  return (
    <PageContainer
      title={
        <Space>
          {t('f.case')} #{d.id}
          <CaseStatusTag status={d.status} />
        </Space>
      }
      subTitle={<Link to="/procedures">{t('menu.cases')}</Link>}
      extra={
        <>
          {d.canCancel && (
            <Button danger onClick={() => setCancelOpen(true)}>
              {t('a.cancel')}
            </Button>
          )}
        </>
      }
    >
      {d.status === 'restore_proposed' && <Alert type="success" showIcon message={t('msg.restoreProposed')} style={{ marginBottom: 12 }} />}
      <Header d={d} />
      <Card size="small" title={t('msg.progress')} style={{ marginBottom: 12 }}>
        <Steps size="small" items={progress(d).map((p) => ({ title: <StepLabel kind={p.kind} />, status: p.status }))} />
        {(d.status === 'open' || d.status === 'restore_proposed') && (
          <Space wrap style={{ marginTop: 16 }}>
            {actions.map((o) => (
              <Tooltip key={o.kind} title={o.allowed ? (o.needsApproval ? t('msg.needsApproval') : o.needsReason ? t('msg.needsReason') : null) : o.reason}>
                <Button type={o.allowed && !o.needsReason ? 'primary' : 'default'} danger={o.kind === 'stop'} disabled={!o.allowed} onClick={() => setOption(o)} data-testid={`step-${o.kind}`}>
                  {t(`step.${o.kind}`)}
                </Button>
              </Tooltip>
            ))}
          </Space>
        )}
      </Card>
      <Row>
        <Col span={24}>
          <Card size="small" title={t('msg.timeline')}>
            <StepTimeline detail={d} actions={{ onConfirm: setConfirm, onReceipt: setReceipt, onDecide: (s, decision) => setDecision({ caseId: d.id, stepId: s.id, decision }) }} />
          </Card>
        </Col>
      </Row>
      <StepActionModal detail={d} option={option} onClose={() => setOption(null)} />
      <ConfirmDialog step={confirm} onClose={() => setConfirm(null)} />
      <ReceiptDialog step={receipt} onClose={() => setReceipt(null)} />
      <DecisionDialog target={decision} onClose={() => setDecision(null)} />
      <CancelDialog caseId={d.id} open={cancelOpen} onClose={() => setCancelOpen(false)} />
    </PageContainer>
  );
}

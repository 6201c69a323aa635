/**
 * The home page's summary cards (issue 9 item 2), from /api/home/summary: the company for the
 * sales lead and the administrator, the manager's own customers for a manager, and finance's
 * payments and bank queue. Sections the role cannot read are absent.
 */
import type { ReactNode } from 'react';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dec } from '@common/decimal';
import { formatFen, formatNumber } from '../../lib/format';
import { ErrorState, Loading } from '../../components/States';
import { NS } from './i18n';
import { useVolumeUnit, volumeInUnit } from '../../app/volume-unit';
import { useHomeSummary, type HomeSummary as Summary } from './api';

const LEVEL_COLORS = { stop: 'red', reduce: 'volcano', warning: 'gold', normal: 'green' } as const;
const LEVELS = ['stop', 'reduce', 'warning', 'normal'] as const;

/** a ÷ b as a percentage with one decimal, or null. */
function pct(a: string, b: string | null): string | null {
  if (b == null || dec(b).isZero()) return null;
  return dec(a).div(b).times(100).toFixed(1);
}

function Figure({ title, value, suffix, to, testId }: { title: ReactNode; value: ReactNode; suffix?: ReactNode; to?: string; testId?: string }) {
  const body = <Statistic title={title} value={value as string} suffix={suffix} valueStyle={{ fontSize: 'clamp(15px, 4.4vw, 20px)' }} />; // a yuan amount in hundreds of millions stays on one line at 390 px
  return (
    <Col xs={12} sm={8} data-testid={testId}>
      {to ? <Link to={to}>{body}</Link> : body}
    </Col>
  );
}

function Levels({ s }: { s: Summary }) {
  const { t } = useTranslation(NS);
  const a = s.accounts!;
  return (
    <Card size="small" title={t('levels.title', { scope: t(`scope.${s.scope}`) })} extra={<Link to="/accounts/board">{t('common:actions.more')}</Link>}>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        {LEVELS.map((l) => (
          <Tag key={l} color={LEVEL_COLORS[l]} data-testid={`home-level-${l}`} data-count={a.levels[l]} style={{ fontSize: 14, padding: '2px 8px' }}>
            {t(`levels.${l}`)} {a.levels[l]}
          </Tag>
        ))}
      </Space>
      <Row gutter={[12, 12]}>
        <Figure title={t('money.receivable')} value={formatFen(a.receivableFen)} suffix={t('unit.yuan')} testId="home-receivable" />
        <Figure title={t('money.negative')} value={a.negativeBalances} suffix={t('levels.customers', { count: a.negativeBalances })} to="/accounts/board" testId="home-negative" />
        <Figure title={t('money.adjustments')} value={a.pendingAdjustments} suffix={t('unit.items')} to="/accounts/adjustments" />
      </Row>
    </Card>
  );
}

function Volume({ s }: { s: Summary }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [unit] = useVolumeUnit('m3');
  const v = s.volume!;
  // the user's unit (m³ or 万方; GJ needs energy the summary does not carry: m³ then)
  const show = (m3: string) => {
    const x = volumeInUnit(m3, unit);
    return formatNumber(x.value, x.dp);
  };
  const suffix = tc(volumeInUnit('0', unit).unitKey);
  const ofPlan = pct(v.volumeM3, v.planM3);
  const yoy = dec(v.lastYearM3).isZero() ? null : dec(v.volumeM3).minus(v.lastYearM3).div(v.lastYearM3).times(100).toFixed(1);
  return (
    <Card size="small" title={t('volume.title', { day: v.day })} extra={<Typography.Text type="secondary">{t('volume.customers', { count: v.customers })}</Typography.Text>}>
      <Row gutter={[12, 12]}>
        <Figure title={t('volume.actual')} value={show(v.volumeM3)} suffix={suffix} to="/metering/board" testId="home-volume" />
        <Figure title={t('volume.plan')} value={v.planM3 == null ? t('volume.noPlan') : show(v.planM3)} suffix={v.planM3 == null ? undefined : suffix} />
        <Figure title={t('volume.ofPlan')} value={ofPlan ?? '—'} suffix={ofPlan ? '%' : undefined} />
        <Figure title={t('volume.lastYear', { day: v.lastYearDay })} value={show(v.lastYearM3)} suffix={suffix} />
        <Figure title={t('volume.change')} value={yoy == null ? '—' : `${dec(yoy).isPositive() && !dec(yoy).isZero() ? '+' : ''}${yoy}`} suffix={yoy == null ? undefined : '%'} />
      </Row>
    </Card>
  );
}

function Todo({ s }: { s: Summary }) {
  const { t } = useTranslation(NS);
  const p = s.procedures;
  const d = s.documents;
  return (
    <Card size="small" title={t('todo.title')}>
      <Row gutter={[12, 12]}>
        {p && <Figure title={t('todo.openCases')} value={p.openCases} to="/procedures" testId="home-open-cases" />}
        {p?.pendingApprovals != null && <Figure title={t('todo.approvals')} value={p.pendingApprovals} to="/procedures/approvals" />}
        {p?.pendingInstructions != null && <Figure title={t('todo.instructions')} value={p.pendingInstructions} to="/procedures/inbox" />}
        {d && <Figure title={t('todo.expired')} value={d.expired} />}
        {d && <Figure title={t('todo.expiring', { days: d.withinDays })} value={d.expiringSoon} />}
      </Row>
    </Card>
  );
}

function Payments({ s }: { s: Summary }) {
  const { t } = useTranslation(NS);
  const p = s.payments!;
  return (
    <Card size="small" title={t('payments.title', { day: p.day })} extra={<Link to="/accounts/bank">{t('common:actions.more')}</Link>}>
      <Row gutter={[12, 12]}>
        <Figure title={t('payments.count')} value={p.payments} suffix={t('unit.count')} />
        <Figure title={t('payments.amount')} value={formatFen(p.paymentsFen)} suffix={t('unit.yuan')} />
        <Figure title={t('payments.month')} value={formatFen(p.monthPaymentsFen)} suffix={t('unit.yuan')} />
        <Figure title={t('payments.unmatched')} value={p.unmatchedLines} suffix={t('unit.count')} to="/accounts/bank" testId="home-unmatched" />
        <Figure title={t('payments.unmatchedFen')} value={formatFen(p.unmatchedFen)} suffix={t('unit.yuan')} />
      </Row>
    </Card>
  );
}

export function HomeSummary() {
  const q = useHomeSummary();
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data!;
  const cards = [
    s.payments && <Payments key="payments" s={s} />,
    s.accounts && <Levels key="levels" s={s} />,
    s.volume && <Volume key="volume" s={s} />,
    (s.procedures || s.documents) && <Todo key="todo" s={s} />,
  ].filter(Boolean);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map((c, i) => (
        <Col key={i} xs={24} xl={12}>
          {c}
        </Col>
      ))}
    </Row>
  );
}

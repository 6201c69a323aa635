import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import type { CaseStatus, Level, StepKind, StepStatus } from '../api';

const CASE_COLOR: Record<CaseStatus, string> = { open: 'processing', restore_proposed: 'green', closed: 'default', cancelled: 'default' };
const LEVEL_COLOR: Record<Level, string> = { normal: 'green', warning: 'gold', reduce: 'orange', stop: 'red' };
const STEP_STATUS_COLOR: Record<StepStatus, string> = { done: 'default', pending_approval: 'purple', pending_execution: 'orange', executed: 'green', rejected: 'red', cancelled: 'default' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation(NS);
  return <Tag color={CASE_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}
export function LevelTag({ level }: { level: Level | null | undefined }) {
  const { t } = useTranslation(NS);
  return level ? <Tag color={LEVEL_COLOR[level]}>{t(`level.${level}`)}</Tag> : <Tag>{t('level.unknown')}</Tag>;
}
export function StepStatusTag({ status }: { status: StepStatus }) {
  const { t } = useTranslation(NS);
  return <Tag color={STEP_STATUS_COLOR[status]}>{t(`stepStatus.${status}`)}</Tag>;
}
export function StepLabel({ kind }: { kind: StepKind | null }) {
  const { t } = useTranslation(NS);
  return <>{kind ? t(`step.${kind}`) : '—'}</>;
}

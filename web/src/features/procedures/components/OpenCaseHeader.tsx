/** The customer page header's open reduce/stop case: its step, what is pending and the next action (issue 9 item 1). */
import { Link } from 'react-router-dom';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import { useCase, useCases } from '../api';
import { CaseStatusTag, StepLabel, StepStatusTag } from './tags';

export function OpenCaseHeader({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const list = useCases({ customerId, status: 'active', page: 1, pageSize: 1 });
  const open = list.data?.items[0];
  const detail = useCase(open?.id ?? 0);
  if (!open) return null;
  const next = detail.data?.options.filter((o) => o.allowed).map((o) => t(`step.${o.kind}`));
  return (
    <Alert
      type={open.status === 'restore_proposed' ? 'success' : 'warning'}
      showIcon
      data-testid="open-case-header"
      message={
        <Space wrap>
          <Link to={`/procedures/${open.id}`}>
            {t('f.case')} #{open.id}
          </Link>
          <CaseStatusTag status={open.status} />
          <span>
            {t('header.currentStep')}: <StepLabel kind={open.currentStep} />
          </span>
          {open.pending && (
            <span>
              <StepLabel kind={open.pending.kind} /> <StepStatusTag status={open.pending.status} />
            </span>
          )}
          {next && next.length > 0 && (
            <span>
              {t('header.next')}: {next.join(' / ')}
            </span>
          )}
        </Space>
      }
    />
  );
}

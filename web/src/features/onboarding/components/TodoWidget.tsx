/** Home widget: the user's onboarding to-do (sections of their department, combined opinions, approvals, construction). */
import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { useTodo } from '../api';

export default function TodoWidget() {
  const { t } = useTranslation(NS);
  const q = useTodo();
  return (
    <Card size="small" title={t('f.todo')} data-testid="onboarding-todo">
      <List
        size="small"
        loading={q.isLoading}
        locale={{ emptyText: q.isError ? String((q.error as Error).message) : t('msg.noTodo') }}
        dataSource={(q.data ?? []).slice(0, 10)}
        renderItem={(i) => (
          <List.Item>
            <Link to={`/onboarding/cases/${i.caseId}`}>{i.customerName}</Link>
            <span>
              <Tag>{i.section ? t(`section.${i.section}`) : t(`todoKind.${i.kind}`)}</Tag>
              {formatDate(i.surveyDate)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

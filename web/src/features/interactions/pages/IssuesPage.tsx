/** 客户问题: customer issues across all customers in the user's scope. */
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { NS } from '../i18n';
import { IssuesTable } from '../components/IssuesTable';

export default function IssuesPage() {
  const { t } = useTranslation(NS);
  return (
    <PageContainer title={t('menu.issues')}>
      <IssuesTable />
    </PageContainer>
  );
}

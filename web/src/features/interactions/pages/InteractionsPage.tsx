/** 对接与走访: interactions across all customers in the user's scope. */
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { NS } from '../i18n';
import { InteractionsTable } from '../components/InteractionsTable';

export default function InteractionsPage() {
  const { t } = useTranslation(NS);
  return (
    <PageContainer title={t('menu.interactions')}>
      <InteractionsTable />
    </PageContainer>
  );
}

/** The 减停气 tab of the customer page: the customer's cases, and opening one. */
import { useState } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { NS } from '../i18n';
import { CasesTable } from '../pages/CasesPage';
import { OpenCaseDialog } from './dialogs';

export default function CustomerCasesTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const canWrite = useCan('procedures:write');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [open, setOpen] = useState(false);
  return (
    <div>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('a.open')}
          </Button>
        </Flex>
      )}
      <CasesTable filter={{ customerId, ...page }} onPage={(p, s) => setPage({ page: p, pageSize: s })} showCustomer={false} />
      <OpenCaseDialog open={open} customerId={customerId} onClose={() => setOpen(false)} />
    </div>
  );
}

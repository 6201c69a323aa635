/** Customer tab 联系人: the customer's contacts, one primary; history; the manager letter. */
import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { FilePdfOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { ErrorState, Loading } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { NS } from '../i18n';
import { type ContactHistoryItem, interactionsApi, KEY, useContacts, useSave, type Contact } from '../api';
import { ContactDrawer } from './ContactDrawer';

type HistoryItem = ContactHistoryItem;

function History({ contactId, onClose }: { contactId: number | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: [...KEY, 'contact-history', contactId], queryFn: () => interactionsApi.contactHistory(contactId!), enabled: !!contactId });
  // The audit snapshots are free-form objects (the server declares them unknown).
  const changed = (h: HistoryItem) => {
    const before = h.before as Record<string, unknown> | null;
    const after = h.after as Record<string, unknown> | null;
    return before && after
      ? Object.keys(after)
          .filter((k) => !['updatedAt', 'createdAt'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
          .map((k) => `${k}: ${String(before[k] ?? '—')} → ${String(after[k] ?? '—')}`)
          .join('；')
      : '';
  };
  return (
    <Modal open={!!contactId} onCancel={onClose} footer={null} title={t('a.history')} width={640}>
      {q.isLoading ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : (
        <Timeline
          items={q.data?.items.map((h) => ({
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text>
                  {formatDateTime(h.at)} · {h.username ?? '—'} · {h.action}
                </Typography.Text>
                <Typography.Text type="secondary">{changed(h)}</Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Modal>
  );
}

export function ContactsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('customers:write');
  const q = useContacts(customerId);
  const [drawer, setDrawer] = useState<{ open: boolean; editing?: Contact | null }>({ open: false });
  const [history, setHistory] = useState<number | null>(null);
  const primary = useSave((id: number) => interactionsApi.makePrimary(id));
  const del = useSave((id: number) => interactionsApi.deleteContact(id));
  const done = (p: Promise<unknown>) =>
    p.then(
      () => message.success(t('msg.saved')),
      (e) => message.error(e.message),
    );

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, editing: null })}>
            {t('a.addContact')}
          </Button>
        )}
        <Button icon={<FilePdfOutlined />} onClick={() => interactionsApi.managerLetter(customerId).catch((e) => message.error(e.message))}>
          {t('a.letter')}
        </Button>
      </Space>
      <Table<Contact>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        pagination={false}
        locale={{ emptyText: tc('state.empty') }}
        columns={[
          {
            title: t('f.name'),
            dataIndex: 'name',
            render: (v, r) => (
              <Space>
                {v}
                {r.isPrimary && (
                  <Tag icon={<StarFilled />} color="gold">
                    {t('f.primary')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('f.role'), dataIndex: 'role', render: (v) => t(`role.${v}`) },
          { title: t('f.title'), dataIndex: 'title', render: (v) => v ?? '—' },
          { title: t('f.mobile'), dataIndex: 'mobile', render: (v) => v ?? '—' },
          { title: t('f.landline'), dataIndex: 'landline', render: (v) => v ?? '—' },
          { title: t('f.email'), dataIndex: 'email', render: (v) => v ?? '—' },
          {
            title: tc('fields.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size={0} wrap>
                {canWrite && (
                  <Button size="small" type="link" onClick={() => setDrawer({ open: true, editing: r })}>
                    {tc('actions.edit')}
                  </Button>
                )}
                {canWrite && !r.isPrimary && (
                  <Button size="small" type="link" onClick={() => done(primary.mutateAsync(r.id))}>
                    {t('a.setPrimary')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistory(r.id)}>
                  {t('a.history')}
                </Button>
                {canWrite && (
                  <Popconfirm title={t('a.deleteConfirm')} okText={tc('actions.confirm')} cancelText={tc('actions.cancel')} onConfirm={() => done(del.mutateAsync(r.id))}>
                    <Button size="small" type="link" danger>
                      {tc('actions.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ContactDrawer open={drawer.open} editing={drawer.editing} customerId={customerId} onClose={() => setDrawer({ open: false })} />
      <History contactId={history} onClose={() => setHistory(null)} />
    </>
  );
}

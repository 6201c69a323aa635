/** Home widget 我的待办: open tasks of the signed-in user until done; overdue in red. */
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { interactionsApi, KEY, useSave, type Task } from '../api';

export function MyTasksWidget() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const canWrite = useCan('customers:write');
  const q = useQuery({ queryKey: [...KEY, 'mine'], queryFn: () => interactionsApi.myTasks(8) });
  const done = useSave((id: number) => interactionsApi.finishTask(id, 'done'));
  const overdue = q.data?.items.filter((x) => x.overdue).length ?? 0;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('widget.title')}
          {q.data && <Tag>{q.data.total}</Tag>}
          {overdue > 0 && <Tag color="red">{t('msg.overdueCount', { count: overdue })}</Tag>}
        </Space>
      }
      extra={<Link to="/tasks">{t('a.more')}</Link>}
    >
      {q.isLoading ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List<Task>
          size="small"
          dataSource={q.data?.items}
          locale={{ emptyText: t('msg.noneDue') }}
          renderItem={(x) => (
            <List.Item
              actions={
                canWrite
                  ? [
                      <Button
                        key="d"
                        size="small"
                        type="text"
                        icon={<CheckOutlined />}
                        aria-label={t('a.done')}
                        onClick={() =>
                          done.mutateAsync(x.id).then(
                            () => message.success(t('msg.done')),
                            (e) => message.error(e.message),
                          )
                        }
                      />,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{x.title}</Typography.Text>
                <Space size={6}>
                  <Tag color={x.overdue ? 'red' : x.dueOn === q.data?.today ? 'orange' : 'default'}>
                    {x.overdue ? `${x.dueOn} · ${t('f.overdue')}` : x.dueOn === q.data?.today ? t('msg.dueToday') : x.dueOn}
                  </Tag>
                  {x.customerName && <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

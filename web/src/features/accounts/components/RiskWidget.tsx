/**
 * Home widget: customers at payment risk (停气, 减气, 预警) within the user's scope, worst first —
 * the company for the sales lead, finance and the administrator, a manager's own customers for a
 * manager (the board's scope rule; "mine" would show a lead who manages no customer an empty list).
 */
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../lib/format';
import { ErrorState, Loading } from '../../../components/States';
import { NS } from '../i18n';
import { useBoard, type BoardRow } from '../api';
import { Days, LevelTag } from './common';

export default function RiskWidget() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const q = useBoard({ level: 'stop,reduce,warning', pageSize: 8 });
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('widget.title')}
          {q.data && <Tag>{q.data.total}</Tag>}
        </Space>
      }
      extra={<Link to="/accounts/board">{t('a.more')}</Link>}
    >
      {q.isLoading ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List<BoardRow>
          size="small"
          dataSource={q.data?.items}
          locale={{ emptyText: t('msg.noRisk') }}
          renderItem={(x) => (
            <List.Item>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space>
                  <LevelTag level={x.level} since={x.sinceDay} />
                  <Link to={`/customers/${x.customerId}?tab=accounts`}>{x.name}</Link>
                </Space>
                <Typography.Text type="secondary">
                  {formatFen(x.balanceFen)} {tc('units.yuan')} · <Days v={x.availableDays} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

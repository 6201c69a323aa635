import { Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe, canWith } from '../../app/auth';
import { webModules } from '../../app/modules';
import { PageContainer } from '../../components/PageContainer';
import { NS } from './i18n';
import { HomeSummary } from './HomeSummary';

/** The home page: the role's summary (company, own customers, payments), then widgets contributed by the feature modules the user may see. */
export default function HomePage() {
  const { t } = useTranslation(NS);
  const me = useMe().data;
  const widgets = webModules
    .flatMap((m) => m.homeWidgets ?? [])
    .filter((w) => canWith(me, w.permission))
    .sort((a, b) => a.order - b.order);
  return (
    <PageContainer title={t('title')} subTitle={<Typography.Text type="secondary">{t('hello', { name: me?.displayName ?? '' })}</Typography.Text>}>
      {canWith(me, 'customers:read') && <HomeSummary />}
      {widgets.length === 0 ? (
        <Empty description={t('none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {widgets.map((w) => (
            <Col key={w.key} xs={24} xl={12}>
              {w.render()}
            </Col>
          ))}
        </Row>
      )}
    </PageContainer>
  );
}

import { Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe, canWith } from '../../app/auth';
import { webModules } from '../../app/modules';
import { PageContainer } from '../../components/PageContainer';
import { addTranslations } from '../../app/i18n';

addTranslations('home', { title: '工作台', hello: '{{name}}，您好', none: '暂无可显示的工作内容' }, { title: 'Workbench', hello: 'Hello, {{name}}', none: 'Nothing to show yet' });

/** The home page: widgets contributed by the feature modules the user may see. */
export default function HomePage() {
  const { t } = useTranslation('home');
  const me = useMe().data;
  const widgets = webModules
    .flatMap((m) => m.homeWidgets ?? [])
    .filter((w) => canWith(me, w.permission))
    .sort((a, b) => a.order - b.order);
  return (
    <PageContainer title={t('title')} subTitle={<Typography.Text type="secondary">{t('hello', { name: me?.displayName ?? '' })}</Typography.Text>}>
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

import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

function StatusPage({ status, message }: { status: '403' | '404'; message: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(message)}
      extra={
        <Link to="/">
          <Button type="primary">{t('state.goHome')}</Button>
        </Link>
      }
    />
  );
}

export const Forbidden = () => <StatusPage status="403" message="state.forbidden" />;
export const NotFound = () => <StatusPage status="404" message="state.notFound" />;

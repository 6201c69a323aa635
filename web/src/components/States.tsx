import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip={t('state.loading')}>
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const msg = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('state.error')}
      subTitle={msg}
      extra={
        onRetry && (
          <Button onClick={onRetry} type="primary">
            {t('state.retry')}
          </Button>
        )
      }
    />
  );
}

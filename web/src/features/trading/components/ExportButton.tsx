/** A button that downloads an Excel export; spins while the file is made, shows the server's error if it fails. */
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

export function ExportButton({ download, testId, size }: { download: () => Promise<void>; testId: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size={size}
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        try {
          await download();
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export')}
    </Button>
  );
}

/**
 * Import of a bank statement (CSV / Excel), as the deliveries import: choose a file → validate
 * (dry run: what would be posted and queued, and each bad row with its row, field and message in
 * the user's language) → import all (only when every row is valid) or only the valid rows.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Modal, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { accountsApi, KEY, type BankImportReport } from '../api';

export function BankImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (r: BankImportReport) => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<BankImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setValidOnly(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await accountsApi.importBankFile(file, { dryRun: String(dryRun), validOnly: String(validOnly) });
      setReport(r);
      if (!dryRun) {
        if (r.status === 'partial') message.warning(t('bank.dialog.partial', { ...r }));
        await qc.invalidateQueries({ queryKey: KEY });
        onImported(r);
        close();
      }
    } catch (e) {
      if (e instanceof ApiError && (e.details as BankImportReport | undefined)?.errors) setReport(e.details as BankImportReport);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const canImport = !!file && !!report && (report.invalid === 0 || validOnly);
  return (
    <Modal
      open={open}
      width={860}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      title={t('bank.import')}
      onCancel={close}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={() => void send(true)} disabled={!file} loading={busy} data-testid="bank-validate">
            {t('bank.dialog.validate')}
          </Button>
          <Button type="primary" onClick={() => void send(false)} disabled={!canImport} loading={busy} data-testid="bank-import-confirm">
            {validOnly ? t('bank.dialog.importValid') : t('bank.dialog.importAll')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('bank.dialog.hint')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            setError(null);
            return false;
          }}
          onRemove={() => reset()}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t('bank.dialog.choose')}</Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => accountsApi.downloadBankTemplate().catch((e: ApiError) => message.error(e.message))}>
          {t('bank.dialog.template')}
        </Button>
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} data-testid="bank-valid-only">
          {t('bank.dialog.importValid')}
        </Checkbox>
      </Flex>
      {report && (
        <div data-testid="bank-import-report">
          {report.invalid === 0 ? (
            <Alert type="success" showIcon message={t('bank.dialog.reportOk', { ...report })} />
          ) : (
            <Alert type="error" showIcon message={t('bank.dialog.reportBad', { ...report })} />
          )}
          {report.errors.length > 0 && (
            <Table
              style={{ marginTop: 8 }}
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
              dataSource={report.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('bank.dialog.row'), dataIndex: 'row', width: 60 },
                { title: t('bank.dialog.message'), dataIndex: 'message' },
              ]}
            />
          )}
          {report.errorsTruncated && <Typography.Text type="secondary">{t('bank.dialog.truncated', { n: report.errors.length })}</Typography.Text>}
        </div>
      )}
      {error && !report && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

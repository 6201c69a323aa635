/**
 * Import of daily volumes (CSV / Excel): choose a file → validate (dry run: the report with row,
 * field and message) → import all (only when every row is valid) or only the valid rows.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { meteringApi, KEY, type ImportReport } from '../api';
import { ChargesNote, chargesMessages } from './ChargesNote';

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setValidOnly(false);
    setReason('');
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await meteringApi.importFile(file, { dryRun: String(dryRun), validOnly: String(validOnly), ...(reason ? { reason } : {}) });
      setReport(r);
      if (!dryRun) {
        message.success(r.status === 'partial' ? t('msg.partial', { ...r }) : t('msg.imported', { ...r }));
        for (const m of chargesMessages(r.charges, t)) message.info({ content: m, duration: 8 });
        await qc.invalidateQueries({ queryKey: KEY });
        reset();
        onClose();
      }
    } catch (e) {
      if (e instanceof ApiError && e.details?.errors) setReport(e.details as ImportReport);
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
      title={t('a.import')}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        <Flex justify="space-between">
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} onClick={() => meteringApi.downloadTemplate('xlsx')}>
              {t('a.template')} (xlsx)
            </Button>
            <Button onClick={() => meteringApi.downloadTemplate('csv')}>{t('a.template')} (csv)</Button>
          </Flex>
          <Flex gap={8}>
            <Button onClick={() => send(true)} disabled={!file} loading={busy}>
              {t('a.validate')}
            </Button>
            <Button type="primary" onClick={() => send(false)} disabled={!canImport} loading={busy} data-testid="import-confirm">
              {validOnly ? t('a.importValid') : t('a.importAll')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('msg.importHint')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Upload
          accept=".csv,.txt,.xlsx"
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
          <Button icon={<UploadOutlined />}>{t('msg.chooseFile')}</Button>
        </Upload>
        <Input style={{ width: 260 }} placeholder={t('f.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
          {t('a.importValid')}
        </Checkbox>
      </Flex>
      {report && <ReportView report={report} />}
      {error && !report && <Alert type="error" showIcon message={error} />}
      {!report && !error && <Typography.Text type="secondary">{tc('state.empty')}</Typography.Text>}
    </Modal>
  );
}

export function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation(NS);
  return (
    <div data-testid="import-report">
      {report.invalid === 0 ? <Alert type="success" showIcon message={t('msg.reportOk', { ...report })} /> : <Alert type="error" showIcon message={t('msg.reportBad', { ...report })} />}
      {report.errors.length > 0 && (
        <Table
          style={{ marginTop: 8 }}
          size="small"
          rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
          dataSource={report.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('f.row'), dataIndex: 'row', width: 70 },
            { title: t('f.message'), dataIndex: 'message' },
          ]}
        />
      )}
      {report.errorsTruncated && <Typography.Text type="secondary">{t('msg.truncated', { n: report.errors.length })}</Typography.Text>}
      <ChargesNote charges={report.charges} />
    </div>
  );
}

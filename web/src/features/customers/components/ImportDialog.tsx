/** Import customer archives from Excel: validate first, show the per-row report, then import (all or nothing, or valid rows only). */
import { useState } from 'react';
import { Alert, App, Button, Modal, Radio, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api';
import { NS } from '../i18n';
import { customersApi, KEY, type ImportReport } from '../api';

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all_or_nothing' | 'valid_only'>('all_or_nothing');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await customersApi.importFile(file, { mode, dryRun: String(dryRun) });
      setReport(r);
      if (!dryRun) {
        message.success(t('importDlg.imported', { n: r.imported }));
        void qc.invalidateQueries({ queryKey: KEY });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CUSTOMER_IMPORT_HAS_ERRORS') setReport({ mode, dryRun, imported: 0, ...e.details });
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('importDlg.title')}
      open={open}
      width={820}
      onCancel={() => (reset(), onClose())}
      destroyOnHidden
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => customersApi.downloadImportTemplate().catch((e) => message.error(e.message))}>
            {t('a.template')}
          </Button>
          <Button disabled={!file} loading={busy} onClick={() => run(true)} data-testid="import-validate">
            {t('a.validate')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => run(false)} data-testid="import-run">
            {t('a.doImport')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('importDlg.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          setError(null);
          return false;
        }}
        onRemove={reset}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('importDlg.drop')}</p>
      </Upload.Dragger>
      <Space style={{ margin: '12px 0' }}>
        {t('importDlg.mode')}:
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
          <Radio value="all_or_nothing">{t('importDlg.allOrNothing')}</Radio>
          <Radio value="valid_only">{t('importDlg.validOnly')}</Radio>
        </Radio.Group>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {report && (
        <>
          <Alert
            type={report.errors.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={`${t('importDlg.total', { total: report.total, valid: report.valid })}${report.imported ? ' · ' + t('importDlg.imported', { n: report.imported }) : ''}`}
            description={report.errors.length ? undefined : t('importDlg.noErrors')}
          />
          {report.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
              dataSource={report.errors}
              pagination={{ pageSize: 8, showTotal: (n) => tc('fields.total', { count: n }) }}
              columns={[
                { title: t('importDlg.row'), dataIndex: 'row', width: 70 },
                { title: t('importDlg.field'), dataIndex: 'field', width: 160 },
                { title: t('importDlg.message'), dataIndex: 'message' },
              ]}
              data-testid="import-report"
            />
          )}
        </>
      )}
    </Modal>
  );
}

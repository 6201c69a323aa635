/**
 * Saved filters of a list (issue 9 item 10): a select of the user's saved filters (apply, delete)
 * and "save current filters" under a name. The page says what its current filters are and how to apply one.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addTranslations } from '../../app/i18n';
import { validFields } from '../../lib/forms';
import { useSavedFilterMutations, useSavedFilters, type FilterList, type FilterValues } from './api';

const NS = 'savedFilters';
addTranslations(
  NS,
  {
    placeholder: '已保存的筛选',
    save: '保存筛选',
    saveTitle: '保存当前筛选条件',
    name: '名称',
    nameHint: '同名的筛选条件会被覆盖',
    saved: '已保存筛选“{{name}}”',
    deleted: '已删除筛选“{{name}}”',
    deleteConfirm: '删除筛选“{{name}}”？',
    empty: '还没有保存的筛选',
  },
  {
    placeholder: 'Saved filters',
    save: 'Save filter',
    saveTitle: 'Save the current filters',
    name: 'Name',
    nameHint: 'A saved filter with the same name is replaced',
    saved: 'Filter "{{name}}" saved',
    deleted: 'Filter "{{name}}" deleted',
    deleteConfirm: 'Delete filter "{{name}}"?',
    empty: 'No saved filters yet',
  },
);

export function SavedFilters({ list, current, onApply }: { list: FilterList; current: () => FilterValues; onApply: (filters: Record<string, unknown>) => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const q = useSavedFilters(list);
  const { save, remove } = useSavedFilterMutations(list);
  const [saving, setSaving] = useState<null | { name: string }>(null);
  const [picked, setPicked] = useState<number | undefined>();
  const [form] = Form.useForm<{ name: string }>();

  const doSave = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      const r = await save.mutateAsync({ name: v.name.trim(), filters: current() });
      message.success(t('saved', { name: r.name }));
      setPicked(r.id);
      setSaving(null);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space.Compact data-testid={`saved-filters-${list}`}>
      <Select
        allowClear
        style={{ width: 180 }}
        placeholder={t('placeholder')}
        value={picked}
        loading={q.isLoading}
        notFoundContent={<Typography.Text type="secondary">{t('empty')}</Typography.Text>}
        data-testid="saved-filter-select"
        onChange={(id: number | undefined) => {
          setPicked(id);
          const f = q.data?.find((x) => x.id === id);
          if (f) onApply(f.filters);
        }}
        options={q.data?.map((f) => ({
          value: f.id,
          label: f.name,
        }))}
        optionRender={(o) => {
          const f = q.data?.find((x) => x.id === o.value);
          return (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>{o.label}</span>
              {f && (
                <Popconfirm
                  title={t('deleteConfirm', { name: f.name })}
                  onConfirm={(e) => {
                    e?.stopPropagation();
                    remove.mutateAsync(f.id).then(
                      () => (message.success(t('deleted', { name: f.name })), picked === f.id && setPicked(undefined)),
                      (err: Error) => message.error(err.message),
                    );
                  }}
                  onPopupClick={(e) => e.stopPropagation()}
                >
                  <DeleteOutlined onClick={(e) => e.stopPropagation()} aria-label="delete" />
                </Popconfirm>
              )}
            </Space>
          );
        }}
      />
      <Button icon={<SaveOutlined />} onClick={() => setSaving({ name: q.data?.find((x) => x.id === picked)?.name ?? '' })} data-testid="saved-filter-save">
        {t('save')}
      </Button>
      <Modal open={!!saving} title={t('saveTitle')} onCancel={() => setSaving(null)} onOk={doSave} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={saving ?? undefined}>
          <Form.Item name="name" label={t('name')} extra={t('nameHint')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input autoFocus data-testid="saved-filter-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}

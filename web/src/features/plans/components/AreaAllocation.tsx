/**
 * Allocate a draft version's monthly plans to the operation areas (采气作业区): one cell per month
 * and area, each month's areas checked against the month's plan (approval requires them equal).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { dec } from '@common/decimal';
import { VOLUME_RE, splitEvenly, sumVolumes } from '@common/plan-volumes';
import type { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import { plansApi, useAreas, usePlansMutation, type VersionDetail } from '../api';
import { areaName } from '@common/regions';

type Grid = Record<string, string>; // `${month}|${area}` → m³ text
const k = (m: number, a: string) => `${m}|${a}`;

export function AreaAllocation({ version, open, onClose }: { version: VersionDetail; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const { message } = App.useApp();
  const areasQ = useAreas();
  const areas = [...new Set([...(areasQ.data ?? []), ...version.areas.map((a) => a.area)])];
  const [grid, setGrid] = useState<Grid>({});
  const save = usePlansMutation((g: Grid) =>
    plansApi.setAreas(version.id, {
      allocations: Object.entries(g)
        .filter(([, v]) => v.trim() !== '')
        .map(([key, v]) => ({ month: Number(key.split('|')[0]), area: key.slice(key.indexOf('|') + 1), volumeM3: v.trim() })),
    }),
  );
  useEffect(() => {
    if (open) setGrid(Object.fromEntries(version.areas.map((a) => [k(a.month, a.area), a.volumeM3])));
  }, [open, version]);

  const invalid = Object.values(grid).some((v) => v.trim() !== '' && !VOLUME_RE.test(v.trim()));
  const rowSum = (m: number) => sumVolumes(areas.map((a) => grid[k(m, a)]));
  const unbalanced = version.months.filter((m) => !dec(rowSum(m.month)).eq(dec(m.volumeM3))).map((m) => m.month);
  const split = () => {
    const g: Grid = {};
    for (const m of version.months) splitEvenly(m.volumeM3, areas.length).forEach((v, i) => (g[k(m.month, areas[i])] = v));
    setGrid(g);
  };
  const submit = async () => {
    try {
      await save.mutateAsync(grid);
      message.success(t('form.saved'));
      onClose();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };

  return (
    <Modal
      open={open}
      width={Math.min(1200, 360 + areas.length * 150)}
      title={`${t('form.areas')} · ${version.year} ${t(`kind.${version.kind}`)} #${version.seq}`}
      onCancel={onClose}
      okText={t('a.save')}
      cancelText={t('a.cancel')}
      okButtonProps={{ disabled: invalid || !areas.length }}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Button onClick={split} disabled={!areas.length} style={{ marginBottom: 8 }} data-testid="split-areas">
        {t('form.splitAreas')}
      </Button>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={version.months}
        columns={[
          { title: t('f.month'), dataIndex: 'month', width: 60, fixed: 'left' as const },
          { title: t('form.monthPlan'), dataIndex: 'volumeM3', align: 'right' as const, render: (v: string) => formatNumber(v, 3) },
          ...areas.map((a) => ({
            title: areaName(a, i18n.language),
            key: a,
            width: 150,
            render: (_: unknown, m: { month: number }) => {
              const v = grid[k(m.month, a)] ?? '';
              return (
                <Input
                  size="small"
                  inputMode="decimal"
                  value={v}
                  status={v.trim() !== '' && !VOLUME_RE.test(v.trim()) ? 'error' : undefined}
                  onChange={(e) => setGrid((g) => ({ ...g, [k(m.month, a)]: e.target.value }))}
                />
              );
            },
          })),
          {
            title: t('form.areaSum'),
            key: 'sum',
            align: 'right' as const,
            render: (_: unknown, m: { month: number }) => <span style={{ color: unbalanced.includes(m.month) ? '#cf1322' : '#389e0d' }}>{formatNumber(rowSum(m.month), 3)}</span>,
          },
        ]}
      />
      {invalid && <Alert style={{ marginTop: 8 }} type="error" showIcon message={t('form.volumeInvalid')} />}
      {unbalanced.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={t('form.unbalanced', { months: unbalanced.join(', ') })} />}
    </Modal>
  );
}

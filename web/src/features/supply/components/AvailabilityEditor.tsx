/** Available supply per node for a plan: a node with m³/day or a shortage in %. */
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import { useNetwork, type Avail } from '../api';
import { paren } from '../../../lib/format';

export function AvailabilityEditor({ value, onChange }: { value: Avail[]; onChange: (v: Avail[]) => void }) {
  const { t } = useTranslation(NS);
  const net = useNetwork();
  const options = (net.data?.nodes ?? []).filter((n) => !n.customer && n.kind !== 'delivery_point').map((n) => ({ value: n.id, label: paren(n.name, t(`kind.${n.kind}`)) }));
  const set = (i: number, a: Avail) => onChange(value.map((x, k) => (k === i ? a : x)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((a, i) => (
        <Space key={i} wrap>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            value={a.nodeRef || undefined}
            options={options}
            onChange={(nodeRef) => set(i, { ...a, nodeRef })}
            data-testid={`avail-node-${i}`}
          />
          <Select
            style={{ width: 150 }}
            value={a.shortagePct !== undefined ? 'pct' : 'm3'}
            onChange={(k) => set(i, k === 'pct' ? { nodeRef: a.nodeRef, shortagePct: '' } : { nodeRef: a.nodeRef, availableM3: '' })}
            options={[
              { value: 'm3', label: t('f.availableM3') },
              { value: 'pct', label: t('f.shortagePct') },
            ]}
          />
          <Input
            style={{ width: 160 }}
            inputMode="decimal"
            data-testid={`avail-value-${i}`}
            value={a.shortagePct ?? a.availableM3 ?? ''}
            onChange={(e) => set(i, a.shortagePct !== undefined ? { nodeRef: a.nodeRef, shortagePct: e.target.value } : { nodeRef: a.nodeRef, availableM3: e.target.value })}
            suffix={a.shortagePct !== undefined ? '%' : 'm³'}
          />
          <Button onClick={() => onChange(value.filter((_, k) => k !== i))}>×</Button>
        </Space>
      ))}
      <Button onClick={() => onChange([...value, { nodeRef: '', shortagePct: '' }])}>{t('a.addAvail')}</Button>
    </Space>
  );
}

/** Drop incomplete rows before sending. */
export const cleanAvail = (v: Avail[]) =>
  v
    .filter((a) => a.nodeRef && (a.shortagePct || a.availableM3))
    .map((a) => (a.shortagePct !== undefined ? { nodeRef: a.nodeRef, shortagePct: a.shortagePct } : { nodeRef: a.nodeRef, availableM3: a.availableM3 }));

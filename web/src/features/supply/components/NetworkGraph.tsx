/** The supply network as an ECharts graph laid out by depth (sources left, customers right): zoom and pan, click a node. */
import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartOption } from '../../../lib/motion';
import { useTranslation } from 'react-i18next';
import type { NetNode } from '../api';
import { CLASS_COLORS, KIND_COLORS } from './labels';
import { NS } from '../i18n';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Depth of each node (longest distance from a root) and a depth-first order for the vertical position. */
export function layout(nodes: NetNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) for (const p of n.parents) if (byId.has(p)) children.set(p, [...(children.get(p) ?? []), n.id]);
  const roots = nodes.filter((n) => !n.parents.some((p) => byId.has(p))).map((n) => n.id);
  const depth = new Map<string, number>();
  const order: { id: string; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (id: string, d: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    depth.set(id, d);
    order.push({ id, depth: d });
    for (const k of (children.get(id) ?? []).sort((a, b) => byId.get(a)!.code.localeCompare(byId.get(b)!.code))) visit(k, d + 1);
  };
  for (const r of roots.sort()) visit(r, 0);
  return { order, children };
}

export function NetworkGraph({
  nodes,
  selected,
  highlight,
  onSelect,
  height = 640,
}: {
  nodes: NetNode[];
  selected: string | null;
  highlight: Set<string>;
  onSelect: (id: string) => void;
  height?: number;
}) {
  const { t } = useTranslation(NS);
  const option = useMemo(() => {
    const { order } = layout(nodes);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // each depth is a column spread over the full height, in depth-first order so children sit near their parents
    const columns = new Map<number, string[]>();
    for (const o of order) columns.set(o.depth, [...(columns.get(o.depth) ?? []), o.id]);
    const yOf = new Map<string, number>();
    for (const ids of columns.values()) ids.forEach((id, i) => yOf.set(id, ((i + 0.5) / ids.length) * 1000));
    const data = order.map((o) => {
      const n = byId.get(o.id)!;
      const color = n.customer ? CLASS_COLORS[n.customer.priorityClass] : (KIND_COLORS[n.kind] ?? '#999');
      const lit = highlight.size === 0 || highlight.has(n.id);
      return {
        id: n.id,
        name: n.name,
        x: o.depth * 300,
        y: yOf.get(n.id)!,
        symbolSize: n.customer ? 9 : n.kind === 'gas_field' ? 22 : n.kind === 'delivery_point' ? 7 : 14,
        itemStyle: { color, opacity: lit ? 1 : 0.15, borderColor: n.id === selected ? '#000' : undefined, borderWidth: n.id === selected ? 2 : 0 },
        label: { show: !n.customer && n.kind !== 'delivery_point', position: 'top' as const, fontSize: 10, opacity: lit ? 1 : 0.2 },
        category: n.customer ? n.customer.priorityClass : n.kind,
        value: n.capacityM3,
        tooltip: {
          formatter: `${n.name}<br/>${t(`kind.${n.kind}`)}${n.capacityM3 ? `<br/>${t('f.capacity')}: ${Number(n.capacityM3).toLocaleString('en-US')}` : ''}${n.customer ? `<br/>${t(`cls.${n.customer.priorityClass}`)}` : ''}`,
        },
      };
    });
    const links = nodes.flatMap((n) =>
      n.parents.filter((p) => byId.has(p)).map((p) => ({ source: p, target: n.id, lineStyle: { opacity: highlight.size === 0 || (highlight.has(p) && highlight.has(n.id)) ? 0.5 : 0.05 } })),
    );
    const categories = [
      ...Object.keys(KIND_COLORS).map((k) => ({ name: k, itemStyle: { color: KIND_COLORS[k] } })),
      ...Object.keys(CLASS_COLORS).map((k) => ({ name: k, itemStyle: { color: CLASS_COLORS[k] } })),
    ];
    return {
      tooltip: {},
      legend: { data: categories.map((c) => c.name), formatter: (name: string) => (CLASS_COLORS[name] ? t(`cls.${name}`) : t(`kind.${name}`)), top: 0 },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          zoom: 1,
          data,
          links,
          categories,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 4,
          lineStyle: { color: '#aaa', width: 1, curveness: 0.05 },
          emphasis: { focus: 'adjacency' },
          top: 40,
        },
      ],
    };
  }, [nodes, selected, highlight, t]);
  return <ReactEChartsCore echarts={echarts} option={chartOption(option)} notMerge lazyUpdate style={{ height }} onEvents={{ click: (p: any) => p.dataType === 'node' && onSelect(p.data.id) }} />;
}

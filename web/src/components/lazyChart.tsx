/** A chart component loaded on first use (React.lazy): ECharts stays out of the pages and tabs until a chart renders (issue 15.6). */
import { lazy, Suspense, type ComponentType } from 'react';

export type ChartProps = { option: object; height?: number };

export function lazyChart(load: () => Promise<{ default: ComponentType<Required<ChartProps>> }>) {
  const Impl = lazy(load);
  return function Chart({ option, height = 320 }: ChartProps) {
    return (
      <Suspense fallback={<div style={{ height }} />}>
        <Impl option={option} height={height} />
      </Suspense>
    );
  };
}

/** Bar and line charts (the one shared ECharts build; the supply network draws its own graph). */
export const Chart = lazyChart(() => import('./ChartImpl'));

/** The chart, loaded on first use (React.lazy): ECharts stays out of the pages and tabs until a chart renders (issue 15.6). */
import { lazy, Suspense } from 'react';

const ChartImpl = lazy(() => import('./ChartImpl'));

export function Chart({ option, height = 320 }: { option: object; height?: number }) {
  return (
    <Suspense fallback={<div style={{ height }} />}>
      <ChartImpl option={option} height={height} />
    </Suspense>
  );
}

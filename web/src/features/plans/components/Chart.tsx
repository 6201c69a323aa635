import { lazyChart } from '../../../components/lazyChart';

export const Chart = lazyChart(() => import('./ChartImpl'));
